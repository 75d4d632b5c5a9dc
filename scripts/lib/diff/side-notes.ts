import { formatDiagnostic, type Diagnostic } from "../diagnostics.js";
import { terminalSafe } from "../terminal-safe.js";

/** Stale overlay targets shown one by one per overlay file; the rest are counted. */
const SHOWN_PER_FILE = 2;

/**
 * The lines `diff` prints about its two sides before the report: each once (the same overlay
 * file is applied to both sides), and an overlay file most of whose targets match nothing
 * summed up in one line, since that means another API's spec (the overlays in spec/overlays
 * apply by default), not a dozen separate problems.
 */
export function sideNoteLines(notes: Diagnostic[]): string[] {
  const lines: string[] = [];
  const seen = new Set<string>();
  const staleByFile = new Map<string, number>();
  for (const note of notes) {
    const line = `note: ${formatDiagnostic(note)}`;
    if (seen.has(line)) continue;
    seen.add(line);
    if (note.code === "overlay-stale-target") {
      const count = (staleByFile.get(note.location.file) ?? 0) + 1;
      staleByFile.set(note.location.file, count);
      if (count > SHOWN_PER_FILE) continue;
    }
    lines.push(line);
  }
  for (const [file, count] of staleByFile)
    if (count > SHOWN_PER_FILE)
      lines.push(
        `note: ${terminalSafe(file)}: ${count - SHOWN_PER_FILE} more overlay actions match nothing in this spec; ` +
          `if it is another API's spec, --no-overlays leaves the repository's overlays out`,
      );
  return lines;
}
