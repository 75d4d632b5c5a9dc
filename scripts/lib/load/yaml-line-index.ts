import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from "yaml";
import { escapePointerSegment } from "../json-pointer.js";

/** JSON pointer -> line, for every node of a document that parsed without errors. */
export function yamlLineIndex(document: Document, lineCounter: LineCounter): Map<string, number> {
  const lines = new Map<string, number>();
  indexLines(document.contents, "#", lines, (offset) => lineCounter.linePos(offset).line);
  return lines;
}

/**
 * Carries each node's pointer as a string, one segment appended per level: a root spec has
 * hundreds of thousands of nodes, and rebuilding every pointer from its path was a twentieth
 * of a run on OpenAI's spec.
 */
function indexLines(
  node: Node | null,
  pointer: string,
  lines: Map<string, number>,
  lineOf: (offset: number) => number,
): void {
  if (!node) return;
  if (node.range && !lines.has(pointer)) lines.set(pointer, lineOf(node.range[0]));
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const childPointer = `${pointer}/${escapePointerSegment(key)}`;
      // The key's line is where a reader looks for the entry, not where its value starts.
      if (isScalar(pair.key) && pair.key.range) lines.set(childPointer, lineOf(pair.key.range[0]));
      indexLines(pair.value as Node | null, childPointer, lines, lineOf);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) =>
      indexLines(item as Node | null, `${pointer}/${index}`, lines, lineOf),
    );
  }
}
