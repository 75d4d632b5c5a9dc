import { open, type FileHandle } from "node:fs/promises";
import { withPath } from "../fs-problem.js";
import { cliRedactor } from "../safe-output.js";
import type { JournalRecord } from "./journal-records.js";

export { replayJournal, type JobState, type JournalRecord } from "./journal-records.js";

type Waiter = { resolve: () => void; reject: (error: unknown) => void };

/**
 * The batch's append-only JSON-lines journal (see journal-records.ts for what it holds). Chosen
 * over SQLite: one writer, append-only records, a format a human can read with `tail`, and no
 * native dependency.
 *
 * Durable by group commit, off the event loop: `append` resolves once its record is written and
 * fsync'd. Records that become ready while a write is on its way wait for the next one, which
 * takes all of them in one append and one fsync. So a kill -9 loses nothing that was
 * acknowledged, and sixteen workers cost one fsync per round, not sixteen on the main thread.
 * Records reach the file in the order `append` was called.
 */
export class Journal {
  private queued: string[] = [];
  private waiters: Waiter[] = [];
  private writing: Promise<void> | undefined;
  private failure: unknown;
  /** Appends (each with its fsync) so far: fewer than records when they were grouped. */
  commits = 0;

  private constructor(
    readonly path: string,
    private readonly file: FileHandle,
  ) {}

  static async open(path: string): Promise<Journal> {
    const file = await open(path, "a+");
    try {
      // A kill or a full disk mid-write leaves a torn last line, which replay skips. Appended to
      // as it is, it would swallow this run's first record too (a lost `submitting` is a job
      // that could be paid twice): end it first, so that it stays the only line lost.
      const { size } = await file.stat();
      const last = Buffer.alloc(1);
      if (size > 0 && (await file.read(last, 0, 1, size - 1)).bytesRead === 1 && last[0] !== 0x0a)
        await file.appendFile("\n");
    } catch (error) {
      await file.close();
      throw error;
    }
    return new Journal(path, file);
  }

  /** Resolves once the record is on disk; rejects if the journal cannot be written. */
  append(record: JournalRecord): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    // Error texts come from relays, which may echo the key: the journal is output too.
    this.queued.push(cliRedactor().text(JSON.stringify(record)) + "\n");
    const durable = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    // Started on the next turn, so that every record made ready in this one joins the group.
    this.writing ??= new Promise((next) => setImmediate(next)).then(() => this.drain());
    return durable;
  }

  /** Writes every queued record, a group at a time, until none is left. */
  private async drain(): Promise<void> {
    while (this.queued.length > 0) {
      const text = this.queued.join("");
      const waiters = this.waiters;
      this.queued = [];
      this.waiters = [];
      try {
        await this.file.appendFile(text, "utf8");
        await this.file.sync();
        this.commits++;
        for (const waiter of waiters) waiter.resolve();
      } catch (error) {
        // A journal that cannot be written guards nothing: every later append fails too.
        this.failure = withPath(error, this.path);
        for (const waiter of [...waiters, ...this.waiters]) waiter.reject(error);
        this.queued = [];
        this.waiters = [];
      }
    }
    this.writing = undefined;
  }

  /** Waits for every queued record, then closes the file. */
  async close(): Promise<void> {
    await this.writing;
    await this.file.close();
  }
}
