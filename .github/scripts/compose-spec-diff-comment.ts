/**
 * Step of the `spec diff` workflow (pull_request, read-only token): turns the drift check's and
 * the diff's output into the PR comment and writes the artifact the `spec diff comment`
 * workflow posts. Usage:
 *   node --import tsx .github/scripts/compose-spec-diff-comment.ts --pull-request <n>
 *     --drift-status <code> --drift-output <file> --diff-status <code> --diff-markdown <file>
 *     --diff-stderr <file> --out-dir <dir> [--run-url <url>]
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ARTIFACT } from "../../scripts/lib/github/post-spec-diff-comment.js";
import { composeSpecDiffComment } from "../../scripts/lib/github/spec-diff-comment.js";

const { values } = parseArgs({
  options: Object.fromEntries(
    [
      "pull-request",
      "drift-status",
      "drift-output",
      "diff-status",
      "diff-markdown",
      "diff-stderr",
      "out-dir",
      "run-url",
    ].map((name) => [name, { type: "string" }]),
  ) as Record<string, { type: "string" }>,
});
const required = (name: string): string => {
  const value = values[name];
  if (typeof value !== "string" || value === "") throw new Error(`--${name} is required`);
  return value;
};
const status = (name: string): number => {
  const text = required(name);
  if (!/^\d{1,3}$/.test(text)) throw new Error(`--${name} must be an exit code, got "${text}"`);
  return Number(text);
};
// A step that failed before writing its file still gets a comment: a missing file reads as empty.
const read = (name: string): string => {
  try {
    return readFileSync(required(name), "utf8");
  } catch {
    return "";
  }
};

const pullRequest = required("pull-request");
if (!/^[1-9]\d*$/.test(pullRequest))
  throw new Error(`--pull-request must be a number, got "${pullRequest}"`);
const comment = composeSpecDiffComment({
  drift: { status: status("drift-status"), output: read("drift-output") },
  diff: {
    status: status("diff-status"),
    markdown: read("diff-markdown"),
    stderr: read("diff-stderr"),
  },
  ...(typeof values["run-url"] === "string" ? { runUrl: values["run-url"] } : {}),
});
const outDir = required("out-dir");
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, ARTIFACT.comment), comment);
writeFileSync(join(outDir, ARTIFACT.pullRequest), pullRequest + "\n");
console.log(
  `wrote ${join(outDir, ARTIFACT.comment)} (${comment.length} characters) for #${pullRequest}`,
);
