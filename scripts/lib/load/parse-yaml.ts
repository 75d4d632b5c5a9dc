import { LineCounter, parseDocument, visit, type Document } from "yaml";
import type { Diagnostics, LineLocator } from "../diagnostics.js";
import { parsePointer, toPointer } from "../json-pointer.js";
import { findBoundsViolation, MAX_ALIAS_COUNT } from "./input-bounds.js";
import { jsonLineIndex } from "./json-line-index.js";
import { parsePlainJson } from "./parse-json.js";
import { fastLineIndex, parseYamlFast, parseYamlFastFresh } from "./fast-yaml.js";
import { parseYamlDocument } from "./last-parse.js";
import { yamlLineIndex } from "./yaml-line-index.js";

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
  // YAML that js-yaml reads exactly as the `yaml` library would: the same value and the same
  // lines, several times faster. Anything else (errors included) goes on below.
  const fast = parseYamlFast(text, false);
  if (fast) {
    const eager = index === "eager" ? fastLineIndex(fast) : undefined;
    return { value: fast.value, locate: locatorOver(() => eager ?? lateLineIndex(text)) };
  }
  const { document, lineCounter } = parseYamlDocument(text, false);
  for (const error of document.errors) {
    const line = lineCounter.linePos(error.pos[0]).line;
    diagnostics.error("yaml-syntax", firstLine(error.message), { line });
  }
  if (document.errors.length > 0) return undefined;

  const eager = index === "eager" ? yamlLineIndex(document, lineCounter) : undefined;
  const locate = locatorOver(() => eager ?? yamlLineIndex(...parseDocumentFresh(text)));
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

/** The index of a text the fast path read, at a late lookup: from a second fast parse. */
function lateLineIndex(text: string): Map<string, number> {
  const again = parseYamlFastFresh(text);
  return again ? fastLineIndex(again) : yamlLineIndex(...parseDocumentFresh(text));
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

/** Not parseYamlDocument: a late lookup must not take the parse kept for another file. */
function parseDocumentFresh(text: string): [Document, LineCounter] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  return [document, lineCounter];
}

function firstLine(message: string): string {
  return message.split("\n", 1)[0] ?? message;
}
