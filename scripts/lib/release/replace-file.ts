import { rename, rm, writeFile } from "node:fs/promises";

/** Suffix of the file a replacement is staged in before it is renamed over its target. */
export const STAGING_SUFFIX = ".update-spec.partial";

/** Writes next to the target, then renames over it: a reader sees the old bytes or the new. */
export async function replaceFile(path: string, bytes: Buffer | string): Promise<void> {
  const staged = path + STAGING_SUFFIX;
  try {
    await writeFile(staged, bytes);
    await rename(staged, path);
  } catch (error) {
    await rm(staged, { force: true }).catch(() => undefined);
    throw error;
  }
}
