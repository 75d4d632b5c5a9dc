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
 * Text from elsewhere (a relay's error, a job's log line, a file name) made safe for a terminal:
 * redacted, and with control characters shown as escapes, so that a hostile body cannot move
 * the cursor, retitle the window or hide a line with ANSI sequences.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return cliRedactor()
    .text(text)
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, (c) =>
      c === "\r" ? "\\r" : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
}
