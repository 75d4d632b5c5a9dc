import { countByLevel, groupByOperation, sourceNote, type DiffReport } from "./report.js";
import type { Level } from "./change.js";

/** Marks the one PR comment the workflow creates and then updates in place. */
export const STICKY_MARKER = "<!-- chainhub-spec-diff -->";

const BADGE: Record<Level, string> = {
  breaking: "🔴 **breaking**",
  warning: "🟡 warning",
  info: "🔵 info",
};

/** For a PR comment: counts, then per operation the changes (breaking first), then the TS surface diff. */
export function formatMarkdown(report: DiffReport): string {
  const counts = countByLevel(report.changes);
  const lines = [
    STICKY_MARKER,
    "### API contract changes",
    "",
    `**${counts.breaking} breaking**, ${counts.warning} warning${counts.warning === 1 ? "" : "s"}, ${counts.info} info — \`${report.base}\` → \`${report.head}\``,
  ];
  if (counts.breaking > 0)
    lines.push(
      "",
      "> [!CAUTION]",
      "> This change breaks callers: release it as a new major version.",
    );
  if (report.changes.length === 0) lines.push("", "No changes to callers.");
  for (const [operation, changes] of groupByOperation(report.changes)) {
    lines.push("", `#### \`${operation}\``, "", "| level | rule | change |", "| --- | --- | --- |");
    for (const change of changes)
      lines.push(
        `| ${BADGE[change.level]} | \`${change.id}\` | ${escape(change.message)}${sourceNote(change) ? ` _${sourceNote(change).trim()}_` : ""} |`,
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
  if (report.surface.length > 0) {
    lines.push("", "<details><summary>Generated TypeScript surface</summary>", "", "```diff");
    for (const change of report.surface) {
      lines.push(`# ${change.name}: ${change.detail}`);
      if (change.before) lines.push(`- ${change.before}`);
      if (change.after) lines.push(`+ ${change.after}`);
    }
    lines.push("```", "", "</details>");
  }
  return lines.join("\n") + "\n";
}

function escape(text: string): string {
  return text.replace(/\|/g, "\\|");
}
