import { readFileSync } from "node:fs";
import { cliOperations } from "../cli-spec.js";
import { CliUsageError } from "../exit-codes.js";
import { invalidJobId, jobDigest } from "./job-identity.js";

export interface BatchJob {
  /**
   * Stable identity across runs, and the job's output folder: the line's `id`, else
   * `job-<digest prefix>`, so that an id-less job is found again by its content wherever its
   * line moves to.
   */
  key: string;
  line: number;
  /** An operationId or path; defaults to the command's operation. */
  operation: string;
  input: Record<string, unknown>;
  /** sha256 of (operation, input): what the journal matches on resume. */
  digest: string;
}

export interface BadLine {
  line: number;
  error: string;
  /** The job's id, when the line got as far as having one. */
  key?: string;
}

/** `jobs.jsonl:12 (kitchen): why`, as the batch reports a bad line. */
export function describeBadLine(file: string, bad: BadLine): string {
  return `${file}:${bad.line}${bad.key === undefined ? "" : ` (${bad.key})`}: ${bad.error}`;
}

/** One JSON object per line: the API's input fields, plus optional `id` and `operation`. */
export function readJobs(
  path: string,
  defaultOperation: string,
): { jobs: BatchJob[]; bad: BadLine[] } {
  const jobs: BatchJob[] = [];
  const bad: BadLine[] = [];
  const keys = new Map<string, number>();
  readJobsText(path)
    .split("\n")
    .forEach((text, index) => {
      const line = index + 1;
      if (text.trim() === "" || text.trimStart().startsWith("#")) return;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        bad.push({ line, error: `not valid JSON (${(error as Error).message})` });
        return;
      }
      if (value === null || typeof value !== "object" || Array.isArray(value)) {
        bad.push({ line, error: "expected a JSON object of input fields" });
        return;
      }
      const { id, operation: named, ...input } = value as Record<string, unknown>;
      const operation = typeof named === "string" ? named : defaultOperation;
      // The same operation named by path or by id is the same job.
      const digest = jobDigest(cliOperations().find(operation)?.id ?? operation, input);
      let key: string;
      if (typeof id === "string" || typeof id === "number") {
        key = String(id);
        const invalid = invalidJobId(key);
        if (invalid) {
          bad.push({ line, error: invalid });
          return;
        }
      } else {
        key = `job-${digest.slice(0, 12)}`;
      }
      const earlier = keys.get(key);
      if (earlier !== undefined) {
        bad.push({
          line,
          error:
            id === undefined
              ? `same input as line ${earlier}; give each line an "id" to run it twice`
              : `id "${key}" is used by line ${earlier}`,
        });
        return;
      }
      keys.set(key, line);
      jobs.push({ key, line, operation, input, digest });
    });
  return { jobs, bad };
}

function readJobsText(path: string): string {
  try {
    // Windows editors start a UTF-8 file with a byte-order mark: not part of the first job.
    return readFileSync(path, "utf8").replace(/^\ufeff/, "");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "it is a folder"
          : code === "EACCES"
            ? "permission denied"
            : (code ?? (error as Error).message);
    throw new CliUsageError(`cannot read jobs file ${path}: ${why}`);
  }
}
