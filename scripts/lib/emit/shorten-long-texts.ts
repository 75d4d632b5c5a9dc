import type { JsonObject } from "../openapi-walk.js";

/**
 * Longest description or summary copied into generated code. openapi.json keeps every text
 * whole; the TypeScript files (JSDoc, the operation table) carry an excerpt, because a text of
 * megabytes costs the formatter minutes and a gigabyte and helps no reader of a tooltip.
 */
export const MAX_DOC_CHARS = 10_000;

/**
 * A copy of the document for the code emitters, with every `description` and `summary` string
 * longer than `MAX_DOC_CHARS` cut to an excerpt that says where the rest is. The document
 * itself is not changed; when nothing is that long, it is returned as it is.
 */
export function shortenLongTexts(document: JsonObject): JsonObject {
  if (!hasLongText(document)) return document;
  const copy = structuredClone(document);
  visitTexts(copy, (holder, key, text) => {
    let end = MAX_DOC_CHARS;
    // Never cut a surrogate pair in half.
    if (/[\uDC00-\uDFFF]/.test(text[end] ?? "")) end--;
    holder[key] =
      `${text.slice(0, end)}… (${(text.length - end).toLocaleString("en")} more characters in openapi.json)`;
  });
  return copy;
}

function hasLongText(document: JsonObject): boolean {
  let found = false;
  visitTexts(document, () => {
    found = true;
  });
  return found;
}

const TEXT_KEYS = new Set(["description", "summary"]);

/** Calls `visit` for each long text, walking the tree without recursion (depth is unbounded). */
function visitTexts(
  root: unknown,
  visit: (holder: Record<string, unknown>, key: string, text: string) => void,
): void {
  const stack: unknown[] = [root];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== "object" || seen.has(node)) continue;
    seen.add(node);
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === "string") {
        if (value.length > MAX_DOC_CHARS && TEXT_KEYS.has(key))
          visit(node as Record<string, unknown>, key, value);
      } else if (value !== null && typeof value === "object") stack.push(value);
    }
  }
}
