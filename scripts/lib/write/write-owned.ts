import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { GeneratedFiles } from "../emit/render-outputs.js";
import { checkOutFolder } from "./out-folder-guard.js";
import { MANIFEST_NAME, manifestText } from "./output-manifest.js";

/**
 * Writes the generated files into `outDir`, touching nothing generate did not write:
 * 1. the folder is checked (see checkOutFolder) before any byte is written;
 * 2. every file is staged next to its target; a failure there removes the staged files and
 *    leaves the folder as it was;
 * 3. the manifest is widened to old + new names, so a crash during the renames leaves every
 *    file we wrote still listed as ours;
 * 4. each staged file is renamed over its target (atomic per file), files of the old manifest
 *    that this run no longer produces are removed, and the manifest is narrowed to this run.
 */
export async function writeOwnedFiles(
  outDir: string,
  projectRoot: string,
  files: GeneratedFiles,
): Promise<void> {
  const planned = new Set(files.keys());
  const owned = await checkOutFolder(outDir, projectRoot, planned);
  const stamp = `.${process.pid}.partial`;
  const staged: string[] = [];
  try {
    for (const [name, text] of files) {
      const target = join(outDir, name);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target + stamp, text, "utf8");
      staged.push(target + stamp);
    }
    await replaceFile(join(outDir, MANIFEST_NAME), manifestText(new Set([...owned, ...planned])));
    for (const name of planned) await rename(join(outDir, name) + stamp, join(outDir, name));
  } catch (error) {
    await Promise.all(staged.map((path) => rm(path, { force: true })));
    throw error;
  }
  for (const name of owned) {
    if (!planned.has(name)) await rm(join(outDir, name), { force: true });
  }
  await replaceFile(join(outDir, MANIFEST_NAME), manifestText(planned));
}

async function replaceFile(path: string, text: string): Promise<void> {
  await writeFile(path + ".partial", text, "utf8");
  await rename(path + ".partial", path);
}
