import type { Redactor } from "../internal/redact.js";

/** The bytes held in memory as one string at a time while converting: what `fromCharCode` takes. */
const SLICE = 0x8000;

/**
 * The relay's answer as the browser gets it: byte for byte what the relay sent, with the key
 * redacted. The proxy passes on any operation of any spec, and not every answer is UTF-8 text:
 * an image, audio or a file download would be mangled by a UTF-8 round trip (each invalid byte
 * becomes U+FFFD), and even text loses a leading byte-order mark to a default decoder. So valid
 * UTF-8 is redacted as text (decoded keeping its BOM, which re-encodes to the same bytes), and
 * anything else as Latin-1, one character per byte: every spelling of the key is ASCII, so it is
 * found there as well, and the bytes around it come back unchanged. An answer with nothing to
 * redact is returned as it came, without a copy.
 */
export function redactBody(
  redactor: Redactor,
  bytes: Uint8Array<ArrayBuffer>,
): Uint8Array<ArrayBuffer> {
  const utf8 = decodeUtf8(bytes);
  const text = utf8 ?? latin1Text(bytes);
  const redacted = redactor.text(text);
  if (redacted === text) return bytes;
  return utf8 === undefined ? latin1Bytes(redacted) : new TextEncoder().encode(redacted);
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function latin1Text(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += SLICE)
    parts.push(String.fromCharCode(...bytes.subarray(at, at + SLICE)));
  return parts.join("");
}

/** The inverse of {@link latin1Text}; the redactor inserts ASCII only, so every code fits a byte. */
function latin1Bytes(text: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(text.length);
  for (let at = 0; at < text.length; at++) bytes[at] = text.charCodeAt(at);
  return bytes;
}
