import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Contract } from "./contract.js";
import { importTranspiledFolder } from "./transpile-generated-folder.js";

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
    const module = (await importFolder(dir)) as { contract?: Contract };
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

/**
 * The folder's index module. `generate` writes TypeScript: a TypeScript runtime (tsx, Deno, Bun,
 * vitest) imports `index.gen.js` as its `.ts`, while plain Node, which runs an installed
 * `kontext`, finds no such file and gets the folder transpiled instead.
 */
async function importFolder(dir: string): Promise<unknown> {
  const index = resolve(dir, "index.gen.js");
  try {
    return await import(pathToFileURL(index).href);
  } catch (error) {
    const notFound = (error as { code?: unknown }).code === "ERR_MODULE_NOT_FOUND";
    if (!notFound || existsSync(index) || !existsSync(resolve(dir, "index.gen.ts"))) throw error;
    return importTranspiledFolder(dir);
  }
}
