import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { GeneratedFiles } from "../emit/render-outputs.js";

/**
 * Replaces the output folder as a whole: everything is written to a sibling temp folder, then
 * swapped in with renames. A crash or error before the swap leaves the old folder untouched;
 * files the new run no longer produces disappear instead of lingering stale.
 */
export async function writeAtomically(outDir: string, files: GeneratedFiles): Promise<void> {
  const parent = dirname(outDir);
  await mkdir(parent, { recursive: true });
  const stamp = `${process.pid}-${Date.now()}`;
  const staging = join(parent, `.generated-${basename(outDir)}-${stamp}`);
  const retired = join(parent, `.generated-${basename(outDir)}-old-${stamp}`);
  try {
    await mkdir(staging);
    for (const [name, text] of files) {
      await mkdir(dirname(join(staging, name)), { recursive: true });
      await writeFile(join(staging, name), text, "utf8");
    }
    const hadOld = await exists(outDir);
    if (hadOld) await rename(outDir, retired);
    try {
      await rename(staging, outDir);
    } catch (error) {
      if (hadOld) await rename(retired, outDir);
      throw error;
    }
    if (hadOld) await rm(retired, { recursive: true, force: true });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await readdir(path);
    return true;
  } catch {
    return false;
  }
}
