import { LineCounter, parseDocument, type Document } from "yaml";

/** A parsed document with the line counter its offsets are read through. */
export interface ParsedDocument {
  document: Document;
  lineCounter: LineCounter;
}

/**
 * repairYaml parses a text to learn whether it needs repair, and parseYaml then parses the
 * text it returns, usually the very same one. Parsing a big spec takes seconds, so the last
 * parse is kept (one entry) and handed to the next call for the identical text.
 */
let last: { text: string; parsed: ParsedDocument } | undefined;

/** Parses `text`, or takes the kept parse of it; `keep` keeps this one for the next call. */
export function parseYamlDocument(text: string, keep: boolean): ParsedDocument {
  const kept = last;
  // Whatever happens, a parse is handed on once at most: nothing big stays referenced here.
  last = undefined;
  const parsed = kept !== undefined && kept.text === text ? kept.parsed : parseFresh(text);
  if (keep) last = { text, parsed };
  return parsed;
}

function parseFresh(text: string): ParsedDocument {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  return { document, lineCounter };
}
