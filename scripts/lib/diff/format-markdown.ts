import type { Change, Level, SourceLine } from "./change.js";
import {
  countByLevel,
  groupByOperation,
  reachedBy,
  sourceNote,
  whereText,
  type DiffReport,
} from "./report.js";
import { escapeMessage } from "../markdown-spans.js";
import { terminalSafe } from "../terminal-safe.js";

/** Marks the one PR comment the workflow creates and then updates in place. */
export const STICKY_MARKER = "<!-- chainhub-spec-diff -->";

/** GitHub refuses a comment over 65,536 characters; the margin covers what a workflow adds. */
export const COMMENT_LIMIT = 65_536;
const BUDGET = COMMENT_LIMIT - 1_536;

const BADGE: Record<Level, string> = {
  breaking: "🔴 **breaking**",
  warning: "🟡 warning",
  info: "🔵 info",
};

/** At most this many operations are named under a shared component's heading. */
const MAX_REACHED = 20;

/**
 * For a PR comment: counts, then per operation (or shared component) the changes, breaking
 * first, each with its file:line; then the TypeScript surface. Kept under GitHub's limit by
 * leaving out the least severe rows first (info, then the TypeScript section, then warnings),
 * and saying how many were left out.
 */
export function formatMarkdown(report: DiffReport, budget = BUDGET): string {
  let rows = [...report.changes];
  let surface = true;
  let text = render(report, rows, surface);
  for (const level of ["info", "surface", "warning", "breaking"] as const) {
    if (text.length <= budget) break;
    if (level === "surface") {
      surface = false;
      text = render(report, rows, surface);
      continue;
    }
    // Drop rows of this level from the end, a share at a time, until it fits or none are left.
    while (text.length > budget && rows.some((c) => c.level === level)) {
      const ofLevel = rows.filter((c) => c.level === level).length;
      const excess = text.length - budget;
      const drop = Math.max(1, Math.ceil((ofLevel * excess) / text.length) + 1);
      let left = Math.min(drop, ofLevel);
      rows = [...rows]
        .reverse()
        .filter((c) => !(c.level === level && left-- > 0))
        .reverse();
      text = render(report, rows, surface);
    }
  }
  return text;
}

function render(report: DiffReport, rows: Change[], withSurface: boolean): string {
  const counts = countByLevel(report.changes);
  const lines = [
    STICKY_MARKER,
    "### API contract changes",
    "",
    `**${counts.breaking} breaking**, ${counts.warning} warning${counts.warning === 1 ? "" : "s"}, ${counts.info} info — \`${code(report.base)}\` → \`${code(report.head)}\``,
  ];
  if (counts.breaking > 0)
    lines.push(
      "",
      "> [!CAUTION]",
      "> This change breaks callers: release it as a new major version (a new minor before 1.0.0).",
    );
  if (report.changes.length === 0) lines.push("", "No changes to callers.");
  const left = omitted(report, rows, withSurface);
  if (left) lines.push("", `> [!NOTE]`, `> ${left}`);
  for (const [group, changes] of groupByOperation(rows)) {
    lines.push("", `#### \`${code(group)}\``);
    const reached = reachedBy(changes);
    if (reached) lines.push("", reachedText(reached));
    lines.push("", "| level | rule | change | where |", "| --- | --- | --- | --- |");
    for (const change of changes)
      lines.push(
        `| ${BADGE[change.level]} | \`${code(change.id)}\` | ${escape(change.message)}${sourceNote(change) ? ` _${escape(sourceNote(change).trim())}_` : ""} | ${whereText(change, link)} |`,
      );
  }
  if (report.redundantOverlayActions?.length) {
    lines.push(
      "",
      "#### Overlay actions now redundant",
      "",
      "The vendor's export now states what these actions add: delete them, so the next change to these fields is not hidden.",
      "",
    );
    for (const note of report.redundantOverlayActions) lines.push(`- ${escape(note)}`);
  }
  if (withSurface && report.surface.length > 0) {
    const body: string[] = [];
    for (const change of report.surface) {
      // A property type's detail is its before -> after, which the two lines below show.
      const restated = change.detail === `${change.before} -> ${change.after}`;
      body.push(restated ? `# ${change.name}` : `# ${change.name}: ${change.detail}`);
      if (change.before) body.push(`- ${change.before}`);
      if (change.after) body.push(`+ ${change.after}`);
    }
    const fence = "`".repeat(Math.max(3, longestBacktickRun(body.join("\n")) + 1));
    lines.push("", "<details><summary>Generated TypeScript surface</summary>", "", `${fence}diff`);
    lines.push(...body.map((line) => line.replace(/\r|\n/g, " ")), fence, "", "</details>");
  }
  // Escaped before the budget is checked: an escape is longer than the character it shows.
  return terminalSafe(lines.join("\n") + "\n");
}

function omitted(report: DiffReport, rows: Change[], withSurface: boolean): string {
  const all = countByLevel(report.changes);
  const kept = countByLevel(rows);
  const parts = (["breaking", "warning", "info"] as const)
    .filter((level) => all[level] > kept[level])
    .map((level) => {
      const count = all[level] - kept[level];
      return `${count} ${level}${level === "warning" && count !== 1 ? "s" : ""}`;
    });
  if (!withSurface && report.surface.length > 0) parts.push("the TypeScript surface");
  if (parts.length === 0) return "";
  return `Left out to stay under GitHub's ${COMMENT_LIMIT.toLocaleString("en-US")}-character comment limit, least severe first: ${parts.join(", ")}. \`npm run diff\` (or \`--format json\`) lists everything.`;
}

function reachedText(operations: string[]): string {
  const shown = operations.slice(0, MAX_REACHED).map((o) => `\`${code(o)}\``);
  const more = operations.length - shown.length;
  return `Reaches ${operations.length} operation${operations.length === 1 ? "" : "s"}: ${shown.join(", ")}${more > 0 ? ` and ${more} more` : ""}.`;
}

function link(line: SourceLine): string {
  const label = `${escape(line.file)}:${line.line}`;
  return line.url ? `[${label}](${line.url})` : label;
}

/**
 * Spec text is untrusted: no table breaks, no line breaks, no HTML, no links of its own and no
 * mentions outside code spans (inside one, `<` is shown as written, and an entity would be shown
 * as an entity), and no backtick of its own that opens or closes a span (markdown-spans.ts). A
 * file name is spec text too: `[x](https://…).yaml` must not become a link.
 */
function escape(text: string): string {
  return escapeMessage(
    text.replace(/[\r\n]+/g, " "),
    (plain) =>
      plain
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/[\\`|[\]]/g, (c) => `\\${c}`),
    (code) => code.replace(/\|/g, "\\|"),
  );
}

/** Inside an inline code span: a backtick would end it, a bar would split the table cell. */
function code(text: string): string {
  return text
    .replace(/[\r\n]+/g, " ")
    .replace(/`/g, "'")
    .replace(/\|/g, "\\|");
}

function longestBacktickRun(text: string): number {
  return Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
}
