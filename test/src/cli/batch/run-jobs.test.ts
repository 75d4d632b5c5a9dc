import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { BatchReporter } from "../../../../src/cli/batch/batch-reporter.js";
import { BatchTally } from "../../../../src/cli/batch/batch-summary.js";
import { jobDigest } from "../../../../src/cli/batch/job-identity.js";
import { Journal } from "../../../../src/cli/batch/journal.js";
import { RateGate } from "../../../../src/cli/batch/rate-gate.js";
import type { BatchOptions } from "../../../../src/cli/batch/run-batch.js";
import { runJobs } from "../../../../src/cli/batch/run-jobs.js";
import type { ChainHubClient } from "../../../../src/index.js";
import { useEmulator } from "../../../helpers/emulator.js";

const OPERATION = "falAiFluxProKontextMax";

describe("running a batch's jobs", () => {
  const env = useEmulator();

  it("holds a job only for its submitting record: submitted and done ride in later commits, in order", async () => {
    const out = mkdtempSync(join(tmpdir(), "run-jobs-"));
    const journal = await Journal.open(join(out, "journal"));
    const count = 6;
    const work = Array.from({ length: count }, (_, i) => {
      const input = { prompt: `job ${i}`, image_url: "https://v3.fal.media/files/rabbit/in.png" };
      const job = { key: `job-${i}`, line: i + 1, operation: OPERATION, input };
      return { job: { ...job, digest: jobDigest(OPERATION, input) } };
    });
    const tally = new BatchTally(count);
    const options = { out, concurrency: 1, jobsFile: "jobs.jsonl" } as BatchOptions;
    const client = env.client() as unknown as ChainHubClient;
    const connection = { client, target: "emulator", close: async () => undefined };
    const reporter = new BatchReporter(new PassThrough() as unknown as NodeJS.WriteStream);
    await runJobs(work, { options, connection, journal, reporter, gate: new RateGate(), tally });
    await journal.close();

    expect(tally.summary().done).toBe(count);
    const records = readFileSync(journal.path, "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { t: string; key: string });
    for (const { job } of work)
      expect(records.filter((r) => r.key === job.key).map((r) => r.t)).toEqual([
        "submitting",
        "submitted",
        "done",
      ]);
    // One at a time, a job waiting for all three of its records took three commits (fsyncs) in a
    // row, 3 per job; now a job's done shares a commit with the next job's submitting.
    expect(records).toHaveLength(3 * count);
    expect(journal.commits).toBeLessThanOrEqual(2 * count + 1);
  });
});
