import { BACKSLASH, COLON, CR, LF, QUOTE, SPACE, TAB } from "./char-codes.js";

/**
 * The fast path for a spec written as JSON (GitHub's are): `JSON.parse` reads a megabyte in
 * milliseconds where the YAML parser takes a second or more. Taken only when the YAML parser
 * would read the very same data without a word: anything that YAML reads differently or
 * rejects (a duplicate key, a key whose `:` sits on another line, a tab, a lone CR, a key past
 * YAML's 1,024-character limit) or that is not JSON at all goes the YAML way, which reports it.
 * JSON.parse already keeps what matters as YAML does: a `__proto__` key stays an own data
 * property, a number past double range is the same double (or Infinity), a lone surrogate
 * escape is the same lone surrogate.
 */

/** What YAML allows an implicit key, less a margin: a longer one goes the YAML way. */
const MAX_KEY_CHARS = 1000;

/**
 * repairYaml asks first whether a text is plain JSON, and parseYaml then wants its value: the
 * last parse is kept (one entry) and handed on once, as last-parse.ts does for YAML.
 */
let last: { text: string; value: unknown } | undefined;

/** The text's value when it is plain JSON that YAML reads the same way; otherwise undefined. */
export function parsePlainJson(text: string, keep: boolean): { value: unknown } | undefined {
  const kept = last;
  last = undefined;
  const parsed =
    kept !== undefined && kept.text === text ? { value: kept.value } : parseFresh(text);
  if (parsed && keep) last = { text, value: parsed.value };
  return parsed;
}

function parseFresh(text: string): { value: unknown } | undefined {
  const start = text.search(/\S/);
  // Only a collection: a bare scalar document is no spec, and YAML types some differently.
  if (start < 0 || (text[start] !== "{" && text[start] !== "[")) return undefined;
  const pairs = countPairsIfYamlSafe(text);
  if (pairs === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  // JSON.parse keeps the last of duplicate keys silently; YAML (uniqueKeys) reports them.
  return countKeys(value) === pairs ? { value } : undefined;
}

/**
 * The number of `key: value` pairs written in the text (every `:` outside a string is one,
 * in JSON), or undefined when something in it would make YAML read it differently.
 */
function countPairsIfYamlSafe(text: string): number | undefined {
  let pairs = 0;
  let stringStart = -1;
  let stringEnd = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      stringStart = i;
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === BACKSLASH) i++;
        else if (s === QUOTE) break;
      }
      stringEnd = i + 1;
    } else if (c === COLON) {
      if (stringEnd < 0 || stringEnd - stringStart > MAX_KEY_CHARS) return undefined;
      // A key must end on the line of its colon, with only spaces between.
      for (let j = stringEnd; j < i; j++) if (text.charCodeAt(j) !== SPACE) return undefined;
      pairs++;
    } else if (c === TAB || (c === CR && text.charCodeAt(i + 1) !== LF)) return undefined;
  }
  return pairs;
}

/** Own keys of every object in a JSON value, counted without recursion. */
function countKeys(root: unknown): number {
  let count = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== "object" || node === null) continue;
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
    } else {
      for (const key of Object.keys(node)) {
        count++;
        stack.push((node as Record<string, unknown>)[key]);
      }
    }
  }
  return count;
}
