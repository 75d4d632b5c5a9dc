import { createRedactor, type Redactor } from "../internal/redact.js";
import { escapeUnsafe } from "../internal/unsafe-characters.js";
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
 * Text from elsewhere (a relay's error, a job's log line, a file name) made safe for a terminal:
 * redacted, and with those characters shown as escapes (`\u202e`), so that a hostile body cannot
 * move the cursor, retitle the window, hide a line or reorder what the user reads.
 */
export function printable(text: string): string {
  return escapeUnsafe(cliRedactor().text(text));
}

/**
 * A value as JSON for stdout (`--json`, a result without images): redacted, and with the same
 * characters written as JSON's own `\uXXXX` escapes. JSON.stringify escapes only C0 controls, so
 * a relay's C1 escapes (`\u009b`) and bidirectional overrides reached the terminal as they were;
 * escaped, the JSON parses to the very same value.
 */
export function printableJson(value: unknown): string {
  // JSON.stringify leaves no raw C0 control (a CR included), so every escape is JSON's `\uXXXX`.
  return escapeUnsafe(cliRedactor().text(JSON.stringify(value, null, 2)));
}
