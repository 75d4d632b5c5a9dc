import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from "node:fs";

/**
 * An append-only JSON-lines journal, fsync'd after every record, so that a crash or kill -9
 * loses nothing that was acknowledged. Chosen over SQLite: one writer, append-only records, a
 * format a human can read with `tail`, and no native dependency.
 *
 * The order of records is what makes resuming safe: `submitting` is durable before the request
 * goes out, `submitted` (with the request id) as soon as the answer arrives. A job with the first
 * and not the second may or may not have been accepted: it is never resubmitted silently.
 */
export type JournalRecord =
  | { t: "submitting"; key: string; at: string }
  | { t: "submitted"; key: string; requestId: string; operation: string }
  | { t: "done"; key: string; requestId: string; files: string[] }
  | { t: "failed"; key: string; error: string; requestId?: string; accepted: boolean };

export type JobState =
  | { kind: "new" }
  | { kind: "unknown" }
  | { kind: "submitted"; requestId: string; operation: string }
  | { kind: "done"; requestId: string; files: string[] }
  | { kind: "failed"; error: string; requestId?: string; accepted: boolean };

export class Journal {
  private readonly fd: number;

  constructor(readonly path: string) {
    this.fd = openSync(path, "a");
  }

  append(record: JournalRecord): void {
    writeSync(this.fd, JSON.stringify(record) + "\n");
    fsyncSync(this.fd);
  }

  close(): void {
    closeSync(this.fd);
  }

  /** The last known state of every job. A torn last line (a crash mid-write) is ignored. */
  static replay(path: string): Map<string, JobState> {
    const states = new Map<string, JobState>();
    if (!existsSync(path)) return states;
    for (const line of readFileSync(path, "utf8").split("\n")) {
      let record: JournalRecord;
      try {
        record = JSON.parse(line) as JournalRecord;
      } catch {
        continue;
      }
      states.set(record.key, stateAfter(record));
    }
    return states;
  }
}

function stateAfter(record: JournalRecord): JobState {
  switch (record.t) {
    case "submitting":
      return { kind: "unknown" };
    case "submitted":
      return { kind: "submitted", requestId: record.requestId, operation: record.operation };
    case "done":
      return { kind: "done", requestId: record.requestId, files: record.files };
    case "failed":
      return {
        kind: "failed",
        error: record.error,
        accepted: record.accepted,
        ...(record.requestId ? { requestId: record.requestId } : {}),
      };
  }
}
