/**
 * Characters a terminal acts on or hides rather than shows: C0 and C1 controls (ANSI escapes),
 * DEL, the line and paragraph separators, and the invisible formatting characters that let a
 * hostile name read differently from what it is: bidirectional embeddings, overrides and
 * isolates (U+202A-202E, U+2066-2069, the Arabic letter mark U+061C), zero-width spaces and
 * joiners and the directional marks (U+200B-200F), the word joiner and invisible operators
 * (U+2060-2064), and the byte-order mark (U+FEFF). Tab and newline stay: text is multi-line.
 * The generator keeps the same set (scripts/lib/terminal-safe.ts).
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Text from elsewhere with those characters shown as escapes (`\u202e`, `\r`). */
export function escapeUnsafe(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, (c) =>
    c === "\r" ? "\\r" : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
