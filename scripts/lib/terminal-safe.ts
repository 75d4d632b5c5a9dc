/**
 * Characters a terminal acts on or hides rather than shows: C0 and C1 controls (ANSI escapes),
 * DEL, the line and paragraph separators, and the invisible formatting characters that let a
 * hostile name read differently from what it is (bidirectional overrides and isolates,
 * zero-width spaces and joiners, directional marks, the byte-order mark). Tab and newline stay:
 * a message may span lines. The same set as the client CLI's `printable` (src/cli/safe-output.ts),
 * which also redacts keys; the generator holds no key to redact.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Spec-supplied text (a file name a `$ref` gave, a key, a message quoting it) shown as escapes. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) =>
    c === "\r" ? "\\r" : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
