import { open, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { cliRedactor } from "../safe-output.js";

/**
 * `<out>/results.jsonl` as jobs finish: appended in order, off the event loop. Not fsync'd: the
 * journal is the truth, and the view is rewritten from it at the end of every run. Lines that
 * come while a write is on its way go out together in the next one: each write costs the event
 * loop a thread-pool round trip, and sixteen workers finish jobs faster than one line a trip.
 */
export class ResultsLog {
  private pending = "";
  private writing: Promise<void> | undefined;

  private constructor(private readonly file: FileHandle) {}

  static async open(out: string): Promise<ResultsLog> {
    return new ResultsLog(await open(join(out, "results.jsonl"), "a"));
  }

  /** Queues one line; a failed write loses only lines that the journal still knows. */
  add(entry: Record<string, unknown>): void {
    this.pending += cliRedactor().text(JSON.stringify(entry)) + "\n";
    this.writing ??= this.drain();
  }

  private async drain(): Promise<void> {
    while (this.pending !== "") {
      const text = this.pending;
      this.pending = "";
      await this.file.appendFile(text, "utf8").catch(() => undefined);
    }
    this.writing = undefined;
  }

  async close(): Promise<void> {
    await this.writing;
    await this.file.close();
  }
}
