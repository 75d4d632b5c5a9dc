import { existsSync, readFileSync } from "node:fs";
import { withPath } from "../fs-problem.js";

/**
 * What the batch journal holds, and how a later run reads it back.
 *
 * The order of records is what makes resuming safe: `submitting` is durable before the request
 * goes out, `submitted` (with the request id) as soon as the answer arrives. A job with the first
 * and not the second may or may not have been accepted: it is never resubmitted silently.
 *
 * Every job record carries the digest of the job's content, so a resume matches a job by what
 * it is, not by where its line stands; a `batch` record names the jobs file that owns the folder.
 */
export type JournalRecord =
  | { t: "batch"; jobsFile: string; at: string }
  | { t: "submitting"; key: string; digest: string; at: string }
  | { t: "submitted"; key: string; digest: string; requestId: string; operation: string }
  | { t: "done"; key: string; digest: string; requestId: string; files: string[] }
  | {
      t: "failed";
      key: string;
      digest: string;
      error: string;
      requestId?: string;
      accepted: boolean;
    };

export type JobState = (
  | { kind: "new" }
  | { kind: "unknown" }
  | { kind: "submitted"; requestId: string; operation: string }
  | { kind: "done"; requestId: string; files: string[] }
  | { kind: "failed"; error: string; requestId?: string; accepted: boolean }
) & {
  /** The content the state belongs to; absent in journals written before digests. */
  digest?: string;
};

export interface JournalReplay {
  /** The last known state of every job, by key. */
  states: Map<string, JobState>;
  /** The jobs file that last ran into this folder, if any. */
  jobsFile: string | undefined;
}

/** Replays a journal. A torn last line (a crash mid-write) is ignored. */
export function replayJournal(path: string): JournalReplay {
  const states = new Map<string, JobState>();
  let jobsFile: string | undefined;
  if (!existsSync(path)) return { states, jobsFile };
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw withPath(error, path);
  }
  for (const line of text.split("\n")) {
    let record: JournalRecord;
    try {
      record = JSON.parse(line) as JournalRecord;
    } catch {
      continue;
    }
    if (record.t === "batch") jobsFile = record.jobsFile;
    else states.set(record.key, stateAfter(record));
  }
  return { states, jobsFile };
}

function stateAfter(record: Exclude<JournalRecord, { t: "batch" }>): JobState {
  const digest = record.digest === undefined ? {} : { digest: record.digest };
  switch (record.t) {
    case "submitting":
      return { kind: "unknown", ...digest };
    case "submitted":
      return {
        kind: "submitted",
        requestId: record.requestId,
        operation: record.operation,
        ...digest,
      };
    case "done":
      return { kind: "done", requestId: record.requestId, files: record.files, ...digest };
    case "failed":
      return {
        kind: "failed",
        error: record.error,
        accepted: record.accepted,
        ...(record.requestId ? { requestId: record.requestId } : {}),
        ...digest,
      };
  }
}
