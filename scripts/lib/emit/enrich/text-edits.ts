/**
 * Batched source edits. ts-morph re-parses a whole file after every manipulation, which made
 * per-property edits quadratic (53 s for 100 endpoints). Enrichment passes instead read the
 * tree, collect edits, and apply them to the text once.
 */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * Applies non-overlapping edits in one pass: the untouched slices and the replacements are
 * joined once (rebuilding the string per edit was quadratic: 41% of the time at 1,000
 * operations). Edits at the same position keep the order they were planned in.
 */
export function applyTextEdits(source: string, edits: readonly TextEdit[]): string {
  const ordered = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.index - b.index)
    .map(({ edit }) => edit);
  const parts: string[] = [];
  let cursor = 0;
  for (const edit of ordered) {
    if (edit.start < cursor) throw new Error(`overlapping edits at ${edit.start}..${edit.end}`);
    parts.push(source.slice(cursor, edit.start), edit.text);
    cursor = edit.end;
  }
  parts.push(source.slice(cursor));
  return parts.join("");
}
