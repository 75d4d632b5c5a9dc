import { accessSync, constants, mkdirSync, statSync } from "node:fs";
import { lstat, mkdir } from "node:fs/promises";
import { relative, resolve, sep } from "node:path";
import { CliUsageError } from "../exit-codes.js";
import { fsWords } from "../fs-problem.js";
import { invalidJobId } from "./job-identity.js";

/**
 * Creates the out folder, or checks that the existing one is a folder we may write in. Called
 * before anything is sent: a result paid for and then not savable would be lost.
 */
export function prepareOutFolder(out: string): void {
  try {
    mkdirSync(out, { recursive: true });
    if (!statSync(out).isDirectory()) throw Object.assign(new Error(), { code: "ENOTDIR" });
    accessSync(out, constants.W_OK);
  } catch (error) {
    throw new CliUsageError(`cannot save into ${out}: ${fsWords(error)}`);
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
