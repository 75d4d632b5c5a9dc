import type { ChainHubClient } from "../../index.js";
import type { QueueOperation } from "../../queue/types.js";
import type { BadLine, BatchJob } from "./jobs-file.js";

/**
 * Checks every job against its operation's schema before anything is sent, so that a bad line
 * near the end of a file is found before the first job is paid for, not when the batch gets there.
 */
export function validateJobs(
  client: ChainHubClient,
  jobs: BatchJob[],
): { valid: BatchJob[]; invalid: BadLine[] } {
  const valid: BatchJob[] = [];
  const invalid: BadLine[] = [];
  for (const job of jobs) {
    const error = issuesOf(client, job);
    if (error === undefined) valid.push(job);
    else invalid.push({ line: job.line, key: job.key, error });
  }
  return { valid, invalid };
}

function issuesOf(client: ChainHubClient, job: BatchJob): string | undefined {
  try {
    const issues = client.queue.validate(job.operation as QueueOperation, job.input);
    return issues.length > 0
      ? issues.map((i) => `${i.path || "body"}: ${i.message}`).join("; ")
      : undefined;
  } catch (error) {
    // An operation the spec does not have, or one that is not a queue operation.
    return (error as Error).message;
  }
}
