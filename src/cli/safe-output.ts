import { createRedactor, type Redactor } from "../internal/redact.js";
import { API_KEY_ENV } from "../options.js";

let redactor: Redactor | undefined;

/**
 * The CLI's one redactor, for everything it prints or journals: the key it was given through
 * the environment, and any authorization value a relay echoed back.
 */
export function cliRedactor(): Redactor {
  redactor ??= createRedactor([process.env[API_KEY_ENV]]);
  return redactor;
}

/**
 * Characters a terminal acts on or hides rather than shows: C0 and C1 controls (ANSI escapes),
 * DEL, the line and paragraph separators, and the invisible formatting characters that let a
 * hostile name read differently from what it is: bidirectional embeddings, overrides and
 * isolates (U+202A-202E, U+2066-2069, the Arabic letter mark U+061C), zero-width spaces and
 * joiners and the directional marks (U+200B-200F), the word joiner and invisible operators
 * (U+2060-2064), and the byte-order mark (U+FEFF). Tab and newline stay: output is multi-line.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * Text from elsewhere (a relay's error, a job's log line, a file name) made safe for a terminal:
 * redacted, and with those characters shown as escapes (`\u202e`), so that a hostile body cannot
 * move the cursor, retitle the window, hide a line or reorder what the user reads.
 */
export function printable(text: string): string {
  return cliRedactor()
    .text(text)
    .replace(UNSAFE, (c) =>
      c === "\r" ? "\\r" : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
}

/**
 * A value as JSON for stdout (`--json`, a result without images): redacted, and with the same
 * characters written as JSON's own `\uXXXX` escapes. JSON.stringify escapes only C0 controls, so
 * a relay's C1 escapes (`\u009b`) and bidirectional overrides reached the terminal as they were;
 * escaped, the JSON parses to the very same value.
 */
export function printableJson(value: unknown): string {
  return cliRedactor()
    .text(JSON.stringify(value, null, 2))
    .replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
