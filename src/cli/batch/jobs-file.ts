import { readFileSync } from "node:fs";

export interface BatchJob {
  /** Stable identity across runs: the line's `id`, else `line-<n>`. Also its output folder. */
  key: string;
  line: number;
  /** An operationId or path; defaults to the command's operation. */
  operation: string;
  input: Record<string, unknown>;
}

export interface BadLine {
  line: number;
  error: string;
}

/** One JSON object per line: the API's input fields, plus optional `id` and `operation`. */
export function readJobs(
  path: string,
  defaultOperation: string,
): { jobs: BatchJob[]; bad: BadLine[] } {
  const jobs: BatchJob[] = [];
  const bad: BadLine[] = [];
  const keys = new Set<string>();
  readFileSync(path, "utf8")
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
      const { id, operation, ...input } = value as Record<string, unknown>;
      const key = typeof id === "string" || typeof id === "number" ? String(id) : `line-${line}`;
      if (!/^[\w.-]+$/.test(key)) {
        bad.push({
          line,
          error: `id "${key}" may only use letters, digits, ".", "_" and "-" (it names the output folder)`,
        });
        return;
      }
      if (keys.has(key)) {
        bad.push({ line, error: `id "${key}" is used by an earlier line` });
        return;
      }
      keys.add(key);
      jobs.push({
        key,
        line,
        operation: typeof operation === "string" ? operation : defaultOperation,
        input,
      });
    });
  return { jobs, bad };
}
