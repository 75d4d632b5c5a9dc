import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node,
} from "yaml";
import type { Diagnostics, LineLocator } from "../diagnostics.js";
import { escapePointerSegment, parsePointer, toPointer } from "../json-pointer.js";
import { findBoundsViolation } from "./input-bounds.js";
import { jsonLineIndex } from "./json-line-index.js";
import { parsePlainJson } from "./parse-json.js";
import { parseYamlDocument } from "./last-parse.js";

export interface ParsedYaml {
  value: unknown;
  /** Maps a JSON pointer to the line of the nearest node that exists in the source. */
  locate: LineLocator;
}

/**
 * Parses YAML into plain data plus a pointer-to-line index. Syntax errors are reported
 * with their line and yield `undefined`: the caller stops, nothing is written.
 */
export function parseYaml(
  text: string,
  diagnostics: Diagnostics,
  /**
   * `lazy`: build the pointer-to-line index from a second parse at the first lookup. For the
   * files a big multi-file spec references: most never get a diagnostic, and indexing every
   * node of 2,000 files cost a tenth of a run. A root spec always gets some: index it now.
   */
  index: "eager" | "lazy" = "eager",
): ParsedYaml | undefined {
  const tooBig = findBoundsViolation(text);
  if (tooBig) {
    diagnostics.error(tooBig.code, tooBig.message, { line: tooBig.line });
    return undefined;
  }
  // Plain JSON: the same value, many times faster; lines only if a diagnostic asks.
  const json = parsePlainJson(text, false);
  if (json) return { value: json.value, locate: locatorOver(() => jsonLineIndex(text)) };
  const { document, lineCounter } = parseYamlDocument(text, false);
  for (const error of document.errors) {
    const line = lineCounter.linePos(error.pos[0]).line;
    diagnostics.error("yaml-syntax", firstLine(error.message), { line });
  }
  if (document.errors.length > 0) return undefined;

  const eager = index === "eager" ? lineIndex(document, lineCounter) : undefined;
  const locate = locatorOver(() => eager ?? lineIndex(...parseDocumentFresh(text)));
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // The yaml library refuses aliases that expand past the count (a "billion laughs" bomb).
    if (!(error instanceof ReferenceError)) throw error;
    diagnostics.error(
      "yaml-aliases",
      `aliases here expand past ${MAX_ALIAS_COUNT} copies; write the values out or use $ref`,
      { line: lineCounter.linePos(firstAliasOffset(document)).line },
    );
    return undefined;
  }
  return { value, locate };
}

/** Looks a pointer up (or its nearest indexed ancestor) in an index built at the first call. */
function locatorOver(buildIndex: () => Map<string, number>): LineLocator {
  let lines: Map<string, number> | undefined;
  return (pointer) => {
    lines ??= buildIndex();
    const segments = parsePointer(pointer);
    for (let depth = segments.length; depth >= 0; depth--) {
      const line = lines.get(toPointer(segments.slice(0, depth)));
      if (line !== undefined) return line;
    }
    return undefined;
  };
}

/** Far above what a spec shares by alias, far below what exhausts memory. */
const MAX_ALIAS_COUNT = 1000;

function firstAliasOffset(document: Document): number {
  let offset = 0;
  visit(document, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

/** JSON pointer -> line, for every node of a document that parsed without errors. */
function lineIndex(document: Document, lineCounter: LineCounter): Map<string, number> {
  const lines = new Map<string, number>();
  indexLines(document.contents, "#", lines, (offset) => lineCounter.linePos(offset).line);
  return lines;
}

/** Not parseYamlDocument: a late lookup must not take the parse kept for another file. */
function parseDocumentFresh(text: string): [Document, LineCounter] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  return [document, lineCounter];
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

function firstLine(message: string): string {
  return message.split("\n", 1)[0] ?? message;
}
