import { renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BadLine, BatchJob } from "./jobs-file.js";
import type { JobState } from "./journal.js";

/**
 * `results.jsonl`, one line per job in file order, rebuilt from the journal at the end of every
 * run. Lines are also appended as jobs finish, but a kill can land between the journal's record
 * and that append; the journal is the truth and this view is rewritten from it, atomically.
 */
export function writeResultsView(
  out: string,
  jobs: BatchJob[],
  bad: BadLine[],
  states: Map<string, JobState>,
): void {
  const lines = [
    ...bad.map((b) => ({ line: b.line, status: "invalid", error: b.error })),
    ...jobs.map((job) => {
      const known = states.get(job.key);
      const base = { key: job.key, line: job.line };
      // A state recorded for other content under the same id is not this job's.
      if (known && known.kind !== "new" && known.digest !== job.digest)
        return { ...base, status: "changed" };
      const state = known ?? { kind: "new" as const };
      switch (state.kind) {
        case "done":
          return { ...base, status: "done", requestId: state.requestId, files: state.files };
        case "failed":
          return {
            ...base,
            status: "failed",
            error: state.error,
            ...(state.requestId ? { requestId: state.requestId } : {}),
          };
        case "submitted":
          return { ...base, status: "running", requestId: state.requestId };
        case "unknown":
          return { ...base, status: "unknown" };
        case "new":
          return { ...base, status: "not started" };
      }
    }),
  ].sort((a, b) => a.line - b.line);
  const path = join(out, "results.jsonl");
  writeFileSync(`${path}.partial`, lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
  renameSync(`${path}.partial`, path);
}
