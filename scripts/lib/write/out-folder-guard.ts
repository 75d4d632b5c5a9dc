import { readdir, stat } from "node:fs/promises";
import { homedir } from "node:os";
import { isAbsolute, join, parse, relative, resolve, sep } from "node:path";
import { MANIFEST_NAME, readManifest } from "./output-manifest.js";

/** The out folder is not one generate may write into; nothing was written. */
export class OutFolderError extends Error {}

/**
 * Decides whether generate may write into `outDir`, before anything is written: never the file
 * system root, a home folder, a repository root or a folder that contains the project; a
 * non-empty folder only when a manifest says generate wrote it, or when everything in it is a
 * file this run writes anyway (a folder from before manifests existed).
 * Returns the files the folder's manifest says are ours.
 */
export async function checkOutFolder(
  outDir: string,
  projectRoot: string,
  planned: ReadonlySet<string>,
): Promise<Set<string>> {
  const out = resolve(outDir);
  const refuse = (why: string) => {
    throw new OutFolderError(`refusing to write into ${outDir}: ${why}`);
  };
  if (out === parse(out).root) refuse("it is the root of the file system");
  if (out === resolve(homedir())) refuse("it is a home folder");
  const project = resolve(projectRoot);
  if (out === project || isInside(project, out))
    refuse("it is the project folder or contains it; use a folder of its own, such as generated/");
  const entries = await list(out);
  if (entries === undefined) return new Set();
  if (entries.includes(".git")) refuse("it is the root of a git repository");
  const manifest = await readManifest(out);
  if (manifest) return new Set(manifest.files);
  const foreign = entries.filter((name) => !planned.has(name) && name !== MANIFEST_NAME);
  if (foreign.length > 0) {
    refuse(
      `it is not empty and generate did not write it (no ${MANIFEST_NAME}); found ${foreign
        .slice(0, 3)
        .join(", ")}${foreign.length > 3 ? ", ..." : ""}. Use an empty or new folder`,
    );
  }
  // Every entry is a file this run produces: a generated folder from before manifests existed.
  for (const name of entries) {
    if (!(await stat(join(out, name))).isFile()) refuse(`${name} is not a generated file`);
  }
  return new Set(entries);
}

async function list(dir: string): Promise<string[] | undefined> {
  try {
    const info = await stat(dir);
    if (!info.isDirectory())
      throw new OutFolderError(`refusing to write into ${dir}: not a folder`);
    return await readdir(dir);
  } catch (error) {
    if (error instanceof OutFolderError) throw error;
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Whether `child` is strictly inside `parent`. */
function isInside(child: string, parent: string): boolean {
  const path = relative(parent, child);
  return path !== "" && path.split(sep)[0] !== ".." && !isAbsolute(path);
}
