import { countByLevel, type DiffReport } from "./report.js";
import { terminalSafe } from "../terminal-safe.js";

/**
 * For tools: `{ summary, changes: [{ id, level, method, path, message, source, ... }], surface }`.
 * JSON.stringify leaves DEL, C1 controls, U+2028 and bidirectional overrides raw; they can only
 * sit inside strings, where `\uXXXX` is the same value, so the text is also safe to print.
 */
export function formatJson(report: DiffReport): string {
  return terminalSafe(
    JSON.stringify(
      {
        base: report.base,
        head: report.head,
        summary: countByLevel(report.changes),
        changes: report.changes,
        surface: report.surface,
        redundantOverlayActions: report.redundantOverlayActions ?? [],
      },
      null,
      2,
    ) + "\n",
  );
}
