import { createHash } from "node:crypto";
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { FormatMemo } from "../emit/format-memo.js";
import { FORMATTER_ID } from "../emit/format.js";

/** Memo files kept in the folder: the specs most recently generated from. */
const KEPT_FILES = 8;
/** A bigger file is not ours or not sane: it is ignored rather than read into memory. */
const MAX_FILE_BYTES = 256 * 1024 * 1024;

/**
 * The command's memo of formatted texts for one spec, read from `folder` (beside the compile
 * cache, and as trusted: what it holds becomes generated code). A missing, unreadable or
 * malformed file is an empty memo: the cache only ever saves time.
 */
export async function readFormatMemo(place: FormatMemoPlace, specId: string): Promise<FormatMemo> {
  const salt = `${FORMATTER_ID ?? "unknown"}\0${place.generatorId}`;
  const path = join(place.folder, fileNameOf(specId));
  try {
    if ((await stat(path)).size > MAX_FILE_BYTES) return new FormatMemo(salt);
    const parsed: unknown = JSON.parse(await readFile(path, "utf8"));
    if (isMemoFile(parsed) && parsed.formatter === salt)
      return new FormatMemo(salt, parsed.entries);
  } catch {
    // Absent or torn: start afresh.
  }
  return new FormatMemo(salt);
}

/** Where the memo lives, and which build of the generator made it. */
export interface FormatMemoPlace {
  folder: string;
  /**
   * Changes with the generator's code (the bundle's size and time): a fix to how pieces are
   * cut must not meet texts formatted before it.
   */
  generatorId: string;
}

/**
 * Saves what the next run may reuse, when this run formatted anything new; then removes the
 * oldest files past KEPT_FILES. Best effort: a read-only checkout or a full disk costs the
 * next run time, never this one its result.
 */
export async function saveFormatMemo(
  { folder }: FormatMemoPlace,
  specId: string,
  memo: FormatMemo,
): Promise<void> {
  if (!memo.changed) return;
  try {
    await mkdir(folder, { recursive: true });
    const path = join(folder, fileNameOf(specId));
    const text = JSON.stringify({ formatter: memo.salt, entries: memo.entriesToKeep() });
    // Renamed into place: a concurrent run reads a whole file or none.
    await writeFile(`${path}.${process.pid}.tmp`, text, "utf8");
    await rename(`${path}.${process.pid}.tmp`, path);
    await removeOldest(folder);
  } catch {
    // Nothing to report: see above.
  }
}

interface MemoFile {
  formatter: string;
  entries: [string, string][];
}

function isMemoFile(value: unknown): value is MemoFile {
  if (typeof value !== "object" || value === null) return false;
  const { formatter, entries } = value as Partial<MemoFile>;
  return (
    typeof formatter === "string" &&
    Array.isArray(entries) &&
    entries.every(
      (entry) =>
        Array.isArray(entry) &&
        entry.length === 2 &&
        typeof entry[0] === "string" &&
        typeof entry[1] === "string",
    )
  );
}

/** One file per spec (by its real path), so that two specs do not evict each other's entries. */
function fileNameOf(specId: string): string {
  return `${createHash("sha256").update(specId).digest("hex").slice(0, 24)}.json`;
}

async function removeOldest(folder: string): Promise<void> {
  const names = (await readdir(folder)).filter((name) => /^[0-9a-f]{24}\.json$/.test(name));
  if (names.length <= KEPT_FILES) return;
  const dated = await Promise.all(
    names.map(async (name) => ({ name, mtime: (await stat(join(folder, name))).mtimeMs })),
  );
  dated.sort((a, b) => b.mtime - a.mtime);
  for (const { name } of dated.slice(KEPT_FILES)) await rm(join(folder, name), { force: true });
}
