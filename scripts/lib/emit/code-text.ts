/**
 * Every string from the spec that reaches generated code goes through one of these. Vendor text
 * is untrusted: a summary holding `*\/` would end a comment and turn the rest of the line into
 * code, U+2028 ends a `//` comment, and a name is not an identifier until it is made one.
 */

const LINE_SEPARATORS = /[\u2028\u2029]/g;

/** A JavaScript string literal (JSON's quoting, plus the two line separators escaped). */
export function stringLiteral(value: string): string {
  return jsonLiteral(value);
}

/**
 * Any JSON value as a JavaScript expression or literal type, safe to splice into source. A
 * backslash is written `\u005c`: ts-morph's code writer takes the quote of `"\\"` for an
 * escaped one, believes the string still open, and then corrupts the comments that follow.
 */
export function jsonLiteral(value: unknown): string {
  return (JSON.stringify(value) ?? "undefined").replace(ESCAPED, (c) =>
    c === "\\\\" ? "\\u005c" : c === "\u2028" ? "\\u2028" : "\\u2029",
  );
}

/** An escaped backslash (so the one in `\"` is never matched) and the two line separators. */
const ESCAPED = /\\\\|[\u2028\u2029]/g;

/** Text for a JSDoc block: `*\/` cannot close it, and odd line breaks become plain ones. */
export function docText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, "\n")
    .replace(/\*\//g, "*\\/")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
}

/** Text for a `//` comment: one line, whatever it holds. */
export function lineCommentText(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f\u0085\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/**
 * A type or value name built from spec words: letters, digits and `_` only, never starting with a
 * digit, never empty. (Reserved words cannot occur: generated names are PascalCase stems with a
 * suffix, or camelCase stems ending in `Values`.)
 */
export function identifier(stem: string, fallback = "Unnamed"): string {
  const cleaned = stem.replace(/[^A-Za-z0-9_$]/g, "");
  if (cleaned === "") return fallback;
  return /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned;
}
