import { STICKY_MARKER } from "../diff/format-markdown.js";
import { capMarkdown } from "./cap-markdown.js";

/** What the pull_request job saw: the drift check's and the diff's exit codes and output. */
export interface SpecDiffOutcome {
  /** `npm run generate -- --check`: 0 up to date, anything else stale or failing. */
  drift: { status: number; output: string };
  /** `npm run diff -- ... --format markdown`: 0 or 1 a report (1: breaking), 2 or more none. */
  diff: { status: number; markdown: string; stderr: string };
  /** The workflow run, where the artifact with the whole comment is kept. */
  runUrl?: string;
}

/** Console output shown in the comment: its last lines only. */
const OUTPUT_LINES = 40;

/**
 * The sticky PR comment: the marker first, then what stops the PR (stale generated/, a diff that
 * could not run), then the diff's own report. A stale generated/ does not hide the report: the
 * diff compares the specs, which the drift does not affect. Capped under GitHub's limit.
 */
export function composeSpecDiffComment(outcome: SpecDiffOutcome): string {
  const parts = [STICKY_MARKER];
  if (outcome.drift.status !== 0)
    parts.push(
      [
        "> [!WARNING]",
        "> **`generated/` is stale**: it is not what `npm run generate` writes from this PR's spec and overlays. Run `npm run generate` and commit the result; the check stays red until then. The contract report below compares the specs and is not affected.",
        "",
        "<details><summary><code>npm run generate -- --check</code></summary>",
        "",
        fenced(lastLines(outcome.drift.output)),
        "",
        "</details>",
      ].join("\n"),
    );
  if (outcome.diff.status >= 2 || outcome.diff.markdown.trim() === "")
    parts.push(
      [
        "> [!CAUTION]",
        `> **The spec diff could not run** (exit ${outcome.diff.status}): no report of this PR's contract changes. Its output:`,
        "",
        fenced(lastLines(outcome.diff.stderr) || "(nothing)"),
      ].join("\n"),
    );
  else parts.push(outcome.diff.markdown.split(STICKY_MARKER).join("").trim());
  const where = outcome.runUrl
    ? `in the \`spec-diff-comment\` artifact of ${outcome.runUrl}`
    : "in the workflow run's artifact";
  return capMarkdown(parts.join("\n\n") + "\n", where);
}

/** Untrusted text in a code block: the fence is longer than any backtick run inside it. */
export function fenced(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  return `${fence}text\n${text.replace(/\r/g, "")}\n${fence}`;
}

function lastLines(text: string): string {
  const lines = text.trimEnd().split("\n");
  const shown = lines.slice(-OUTPUT_LINES).join("\n");
  return lines.length > OUTPUT_LINES
    ? `... (${lines.length - OUTPUT_LINES} earlier lines)\n${shown}`
    : shown;
}

/**
 * The body to post, from an artifact a fork's PR may have written: exactly one marker, first,
 * so the next run finds it, and under GitHub's limit whatever the job produced.
 */
export function commentBodyFromArtifact(text: string, runUrl?: string): string {
  const rest = text.split(STICKY_MARKER).join("");
  const body = `${STICKY_MARKER}${rest.startsWith("\n") ? "" : "\n"}${rest}`;
  return capMarkdown(
    body,
    runUrl ? `in the artifact of ${runUrl}` : "in the workflow run's artifact",
  );
}
