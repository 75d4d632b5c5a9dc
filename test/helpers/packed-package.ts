import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";
import { waitFor } from "./run-cli.js";
import { repoRoot } from "./run-generate.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** A folder of this test run's own, shared by its workers (see test/setup/build-once.ts). */
    runDir: string;
  }
}

/**
 * The package as npm would publish it: `npm pack` of the checkout (which runs `prepare`, the
 * build), once per test run, whichever test asks first; the others wait for that tarball. The
 * folder is new for each run, so a tarball is never older than the sources it was packed from.
 */
export async function packedPackage(): Promise<{ tarball: string }> {
  const dir = join(inject("runDir"), "pack");
  const ready = join(dir, "ready.json");
  try {
    mkdirSync(dir); // the one test that creates it packs
  } catch {
    return waitForFile(ready);
  }
  let outcome: { tarball: string } | { error: string };
  try {
    const name = execFileSync("npm", ["pack", "--pack-destination", dir, "--silent"], {
      cwd: repoRoot,
      encoding: "utf8",
    })
      .trim()
      .split("\n")
      .pop()!;
    outcome = { tarball: join(dir, name) };
  } catch (error) {
    outcome = { error: `npm pack failed: ${(error as Error).message}` };
  }
  writeFileSync(`${ready}.tmp`, JSON.stringify(outcome));
  renameSync(`${ready}.tmp`, ready);
  return settle(outcome);
}

/** Resolves with what the packing worker wrote (atomically) once it is done, or its failure. */
async function waitForFile(path: string): Promise<{ tarball: string }> {
  await waitFor(() => existsSync(path));
  return settle(JSON.parse(readFileSync(path, "utf8")) as { tarball: string } | { error: string });
}

function settle(outcome: { tarball: string } | { error: string }): { tarball: string } {
  if ("error" in outcome) throw new Error(outcome.error);
  return outcome;
}
