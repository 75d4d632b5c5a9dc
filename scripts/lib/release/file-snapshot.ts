import { readFile, rename, rm, writeFile } from "node:fs/promises";

/** The bytes some files held (or that they did not exist), to put back if a change fails midway. */
export interface FileSnapshot {
  restore(): Promise<void>;
}

export async function takeSnapshot(paths: Iterable<string>): Promise<FileSnapshot> {
  const saved = new Map<string, Buffer | undefined>();
  for (const path of new Set(paths)) {
    try {
      saved.set(path, await readFile(path));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      saved.set(path, undefined);
    }
  }
  return {
    async restore() {
      // Every file is attempted, so one that cannot be put back does not leave the others changed.
      const failures: string[] = [];
      for (const [path, bytes] of saved) {
        try {
          if (bytes === undefined) await rm(path, { force: true });
          else await replaceFile(path, bytes);
        } catch (error) {
          failures.push(`${path} (${(error as Error).message})`);
        }
      }
      if (failures.length > 0) throw new Error(`could not restore ${failures.join(", ")}`);
    },
  };
}

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
