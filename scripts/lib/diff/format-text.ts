import {
  groupByOperation,
  reachedBy,
  sourceNote,
  summaryLine,
  whereText,
  type DiffReport,
} from "./report.js";
import { terminalSafe } from "../terminal-safe.js";

/**
 * For a terminal: a summary line, then each operation's changes, then the TypeScript surface.
 * Names come from the vendor's export: a control character in one is shown as an escape, so it
 * cannot recolour, clear or rewrite the lines a reviewer reads (a BREAKING row included).
 */
export function formatText(report: DiffReport): string {
  const lines = [`Spec diff ${report.base} -> ${report.head}: ${summaryLine(report.changes)}`];
  if (report.changes.length === 0) lines.push("No changes to callers.");
  for (const [operation, changes] of groupByOperation(report.changes)) {
    lines.push("", operation);
    const reached = reachedBy(changes);
    if (reached) lines.push(`  reaches ${reached.join(", ")}`);
    for (const change of changes) {
      lines.push(
        `  ${change.level.toUpperCase().padEnd(8)} ${change.id}`,
        `           ${change.message}${sourceNote(change)}`,
      );
      const where = whereText(change);
      if (where) lines.push(`           at ${where}`);
    }
  }
  if (report.redundantOverlayActions?.length) {
    lines.push("", "Overlay actions now redundant (the export states what they add; delete them)");
    for (const note of report.redundantOverlayActions) lines.push(`  ${note}`);
  }
  if (report.surface.length > 0) {
    lines.push("", "Generated TypeScript");
    for (const change of report.surface)
      lines.push(`  ${change.kind.padEnd(8)} ${change.name}: ${change.detail}`);
  }
  return terminalSafe(lines.join("\n") + "\n");
}
