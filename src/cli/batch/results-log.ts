import { open, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { cliRedactor } from "../safe-output.js";

/**
 * `<out>/results.jsonl` as jobs finish: appended in order, off the event loop. Not fsync'd: the
 * journal is the truth, and the view is rewritten from it at the end of every run.
 */
export class ResultsLog {
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(private readonly file: FileHandle) {}

  static async open(out: string): Promise<ResultsLog> {
    return new ResultsLog(await open(join(out, "results.jsonl"), "a"));
  }

  /** Queues one line; a failed write loses only the line that the journal still knows. */
  add(entry: Record<string, unknown>): void {
    const line = cliRedactor().text(JSON.stringify(entry)) + "\n";
    this.tail = this.tail.then(() => this.file.appendFile(line, "utf8")).catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.tail;
    await this.file.close();
  }
}
