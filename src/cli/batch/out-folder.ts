import { mkdirSync, statSync } from "node:fs";
import { lstat, mkdir } from "node:fs/promises";
import { relative, resolve, sep } from "node:path";
import { CliUsageError } from "../exit-codes.js";
import { invalidJobId } from "./job-identity.js";

/** Creates the batch's out folder, or checks that the existing one is a folder. */
export function prepareOutFolder(out: string): void {
  try {
    mkdirSync(out, { recursive: true });
    if (!statSync(out).isDirectory()) throw new Error("not a folder");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new CliUsageError(`cannot use ${out} as the out folder (${code})`);
  }
}

/**
 * The folder a job's files go to: `<out>/<key>`, and never anywhere else. Keys were checked when
 * the jobs file was read; this checks again where it matters, at the write, and refuses a folder
 * that is a symlink (it could point anywhere). Asynchronous: it runs once per job.
 */
export async function jobFolder(out: string, key: string): Promise<string> {
  const invalid = invalidJobId(key);
  const dir = resolve(out, key);
  const inside = relative(resolve(out), dir);
  if (invalid || inside === "" || inside.startsWith("..") || inside.includes(sep))
    throw new Error(`refusing to write job "${key}" outside ${out}`);
  try {
    // Made new in the common case; a job resumed or rerun finds its folder made already.
    await mkdir(dir);
    return dir;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const existing = await lstat(dir);
  if (existing.isSymbolicLink() || !existing.isDirectory())
    throw new Error(`refusing to write into ${dir}: it is not a plain folder`);
  return dir;
}
