import type { Diagnostic } from "../diagnostics.js";
import { resolvePointer } from "../json-pointer.js";
import type { JsonObject } from "../openapi-walk.js";
import { terminalSafe } from "../terminal-safe.js";

/**
 * `generate --explain`: every inference, by field: the prose it read, what was applied, and
 * what was held back or not applied, and why. Built from the run's own diagnostics, so it
 * says exactly what the run did. For a terminal: the vendor's names and prose in it are shown
 * with their control and invisible characters as escapes.
 */
export function explainInferences(
  diagnostics: Diagnostic[],
  document: JsonObject | undefined,
): string {
  const byField = new Map<string, { file: string; line?: number; lines: string[] }>();
  for (const d of diagnostics) {
    const kind =
      d.code === "inferred-constraint"
        ? "applied"
        : d.code === "inferred-held-back"
          ? "held back"
          : d.code.startsWith("prose-")
            ? "not applied"
            : undefined;
    if (!kind || !d.location.pointer) continue;
    const field = d.location.pointer.replace(/\/description$/, "");
    const entry = byField.get(field) ?? {
      file: d.location.file,
      ...(d.location.line ? { line: d.location.line } : {}),
      lines: [],
    };
    entry.lines.push(`  ${kind}: ${d.message}`);
    byField.set(field, entry);
  }
  if (byField.size === 0) return "No constraints were inferred from descriptions.\n";
  const blocks = [...byField].map(([field, entry]) => {
    const text = document ? resolvePointer(document, `${field}/description`) : undefined;
    const where = entry.line === undefined ? entry.file : `${entry.file}:${entry.line}`;
    return [
      `${where} ${field}`,
      ...(typeof text === "string"
        ? [`  text: ${JSON.stringify(text.length > 300 ? `${text.slice(0, 300)}…` : text)}`]
        : []),
      ...entry.lines,
    ].join("\n");
  });
  return terminalSafe(
    `${blocks.join("\n\n")}\n\n${byField.size} field(s) with prose constraints.\n`,
  );
}
