import { stat } from "node:fs/promises";
import type { ChainHubClient } from "../../index.js";
import { LocalFile } from "../../files/local-file.js";
import type { QueueOperation } from "../../queue/types.js";
import { CliUsageError } from "../exit-codes.js";
import { userPathsToFiles } from "../user-paths.js";
import type { BadLine, BatchJob } from "./jobs-file.js";

/**
 * Checks every job before anything is sent: its input against the operation's schema, and every
 * local file it names (it must be a readable file). So a bad line near the end of a file is found
 * before the first job is paid for, not when the batch gets there.
 */
export async function validateJobs(
  client: ChainHubClient,
  jobs: BatchJob[],
): Promise<{ valid: BatchJob[]; invalid: BadLine[] }> {
  const errors = await Promise.all(
    jobs.map(async (job) => {
      try {
        return schemaIssues(client, job) ?? (await missingFiles(job));
      } catch (error) {
        // A URL the CLI refuses (ftp:, plain http: off loopback) is this line's problem, not
        // the whole file's: it is reported with its line number, beside the others.
        if (error instanceof CliUsageError) return error.message;
        throw error;
      }
    }),
  );
  const valid: BatchJob[] = [];
  const invalid: BadLine[] = [];
  jobs.forEach((job, index) => {
    const error = errors[index];
    if (error === undefined) valid.push(job);
    else invalid.push({ line: job.line, key: job.key, error });
  });
  return { valid, invalid };
}

function schemaIssues(client: ChainHubClient, job: BatchJob): string | undefined {
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

/** The local files a job names (`*_url` paths) that cannot be read as files. */
async function missingFiles(job: BatchJob): Promise<string | undefined> {
  const problems: string[] = [];
  for (const [field, value] of Object.entries(userPathsToFiles(job.input))) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (!LocalFile.is(item)) continue;
      try {
        if (!(await stat(item.path)).isFile())
          problems.push(`${field}: ${item.path} is not a file`);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        problems.push(
          `${field}: ${item.path}: ${code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : code}`,
        );
      }
    }
  }
  return problems.length > 0 ? problems.join("; ") : undefined;
}
