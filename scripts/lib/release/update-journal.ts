import { createHash } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, rm } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, sep } from "node:path";
import { replaceFile, STAGING_SUFFIX } from "./replace-file.js";

/**
 * A spec update changes several files (the spec, generated/, package.json, its lock, the
 * changelog). An error midway is undone in process; a process killed midway (kill -9, a power cut,
 * a CI runner cancelled) is not, so the old bytes of every file go to disk first, in this folder,
 * and the next `update-spec` puts them back before it does anything else.
 */
export const JOURNAL_DIR = ".update-spec-journal";
const INDEX_NAME = "index.json";

interface JournalEntry {
  /** Relative to the project root, "/" separators. */
  path: string;
  /** File name of the saved old bytes in the journal folder; null when the file did not exist. */
  saved: string | null;
  /** sha256 of the bytes this update writes there; null when any content is ours (a manifest). */
  planned: string | null;
}

export interface PlannedWrite {
  path: string;
  /** The bytes the update will write; undefined for a file whose final bytes are not known yet. */
  bytes?: Buffer | string;
}

export interface UpdateJournal {
  /** Puts every file back as it was, then forgets the journal. */
  rollBack(): Promise<void>;
  /** The update is complete: forget the journal. */
  finish(): Promise<void>;
}

/** Saves the old bytes of every file an update may touch, durably, before any of them changes. */
export async function beginJournal(root: string, writes: PlannedWrite[]): Promise<UpdateJournal> {
  const folder = join(root, JOURNAL_DIR);
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder);
  const entries: JournalEntry[] = [];
  for (const [index, write] of uniqueByPath(writes).entries()) {
    const old = await readFile(write.path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return undefined;
      throw error;
    });
    const saved = old === undefined ? null : String(index).padStart(4, "0");
    if (saved !== null) await writeDurably(join(folder, saved), old!);
    entries.push({
      path: relativeName(root, write.path),
      saved,
      planned: write.bytes === undefined ? null : sha256(write.bytes),
    });
  }
  // The index is written last: a journal without one was cut off before any file changed.
  await writeDurably(join(folder, INDEX_NAME + ".partial"), JSON.stringify(entries, null, 2));
  await rename(join(folder, INDEX_NAME + ".partial"), join(folder, INDEX_NAME));
  await syncFolder(folder);
  return {
    rollBack: async () => {
      await restore(root, entries, { afterCrash: false });
      await rm(folder, { recursive: true, force: true });
    },
    finish: () => rm(folder, { recursive: true, force: true }),
  };
}

/** What a left-over journal means for the next run. */
export type Recovery =
  | { kind: "none" }
  | { kind: "restored"; files: string[] }
  /** Files changed by someone since the interruption: nothing is put back over their work. */
  | { kind: "refused"; files: string[] };

/**
 * Finds the journal of an interrupted update and puts its files back. A file whose bytes are
 * neither the old nor the planned ones was edited by someone after the interruption: then nothing
 * is restored and the journal stays, so the user decides.
 */
export async function recoverInterruptedUpdate(
  root: string,
  { dryRun }: { dryRun: boolean },
): Promise<Recovery> {
  const folder = join(root, JOURNAL_DIR);
  const index = await readFile(join(folder, INDEX_NAME), "utf8").catch(() => undefined);
  if (index === undefined) {
    // Cut off before its index: no file had changed yet; only the journal itself is left over.
    if (!dryRun) await rm(folder, { recursive: true, force: true });
    return { kind: "none" };
  }
  const entries = parseEntries(index);
  const edited = await editedSince(root, entries);
  if (edited.length > 0) return { kind: "refused", files: edited };
  if (!dryRun) {
    await restore(root, entries, { afterCrash: true });
    await rm(folder, { recursive: true, force: true });
  }
  return { kind: "restored", files: entries.map((entry) => entry.path) };
}

async function restore(
  root: string,
  entries: JournalEntry[],
  { afterCrash }: { afterCrash: boolean },
): Promise<void> {
  const folder = join(root, JOURNAL_DIR);
  const failures: string[] = [];
  for (const entry of entries) {
    const target = join(root, entry.path);
    try {
      await removeStagedCopies(target, afterCrash);
      const now = await readFile(target).catch(() => undefined);
      if (entry.saved === null) {
        if (now !== undefined) await rm(target, { force: true });
        continue;
      }
      const saved = await readFile(join(folder, entry.saved));
      // A file the update never reached is left alone: no write, nothing that can fail.
      if (!now?.equals(saved)) await replaceFile(target, saved);
    } catch (error) {
      failures.push(`${entry.path} (${(error as Error).message})`);
    }
  }
  if (failures.length > 0) throw new Error(`could not restore ${failures.join(", ")}`);
}

/** Files whose bytes are neither what the journal saved nor what the update planned to write. */
async function editedSince(root: string, entries: JournalEntry[]): Promise<string[]> {
  const folder = join(root, JOURNAL_DIR);
  const edited: string[] = [];
  for (const entry of entries) {
    if (entry.planned === null) continue;
    const now = await readFile(join(root, entry.path)).catch(() => undefined);
    if (now === undefined) continue;
    const saved = entry.saved === null ? undefined : await readFile(join(folder, entry.saved));
    if (saved?.equals(now) || sha256(now) === entry.planned) continue;
    edited.push(entry.path);
  }
  return edited;
}

/**
 * The staging files a killed writer leaves beside a target (`x.update-spec.partial`,
 * `x.<pid>.partial`). In process, a failed write removes its own; a folder is never ours.
 */
async function removeStagedCopies(target: string, afterCrash: boolean): Promise<void> {
  if (!afterCrash) return;
  const name = basename(target);
  const siblings = await readdir(dirname(target), { withFileTypes: true }).catch(() => []);
  // The suffixes replaceFile (STAGING_SUFFIX) and the generator's writer (`.<pid>.partial`,
  // `.partial` for its manifest) stage under.
  const isStaged = (sibling: string) => {
    const tail = sibling.startsWith(name) ? sibling.slice(name.length) : "";
    return tail === STAGING_SUFFIX || tail === ".partial" || /^\.\d+\.partial$/.test(tail);
  };
  for (const sibling of siblings)
    if (!sibling.isDirectory() && isStaged(sibling.name))
      await rm(join(dirname(target), sibling.name), { force: true });
}

function parseEntries(text: string): JournalEntry[] {
  const value: unknown = JSON.parse(text);
  if (!Array.isArray(value)) throw new Error(`${JOURNAL_DIR}/${INDEX_NAME} is not a journal`);
  return value.filter(
    (entry): entry is JournalEntry =>
      typeof entry?.path === "string" &&
      !isAbsolute(entry.path) &&
      !entry.path.split("/").includes("..") &&
      (entry.saved === null || /^\d{4}$/.test(entry.saved)) &&
      (entry.planned === null || typeof entry.planned === "string"),
  );
}

function uniqueByPath(writes: PlannedWrite[]): PlannedWrite[] {
  const byPath = new Map<string, PlannedWrite>();
  for (const write of writes) byPath.set(write.path, write);
  return [...byPath.values()];
}

async function writeDurably(path: string, bytes: Buffer | string): Promise<void> {
  const handle = await open(path, "w");
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function relativeName(root: string, path: string): string {
  return relative(root, path).split(sep).join("/");
}

function sha256(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}
