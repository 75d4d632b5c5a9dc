import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Contract } from "./contract.js";

/** A generated folder's spec: its `contract` export and its normalized `openapi.json`. */
export interface GeneratedSpec {
  contract: Contract;
  document: Record<string, unknown>;
}

/**
 * Loads what `generate --out <dir>` wrote, for the CLIs' `--contract <dir>`: a user's own spec
 * served by the emulator and called by `kontext`. Throws a one-line Error when it is not one.
 */
export async function loadGeneratedFolder(dir: string): Promise<GeneratedSpec> {
  try {
    const module = (await import(pathToFileURL(resolve(dir, "index.gen.js")).href)) as {
      contract?: Contract;
    };
    if (!module.contract) throw new Error("it exports no contract");
    const document = JSON.parse(await readFile(resolve(dir, "openapi.json"), "utf8")) as Record<
      string,
      unknown
    >;
    return { contract: module.contract, document };
  } catch (error) {
    throw new Error(
      `--contract ${dir}: not a generated folder (${(error as Error).message.split("\n")[0]})`,
    );
  }
}
