import { countByLevel, type DiffReport } from "./report.js";

/** For tools: `{ summary, changes: [{ id, level, method, path, message, source, ... }], surface }`. */
export function formatJson(report: DiffReport): string {
  return (
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
    ) + "\n"
  );
}
