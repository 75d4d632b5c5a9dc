/**
 * The one place that decides what a secret looks like in text. Everything that leaves the client
 * or the CLI as text (error messages, bodies, headers, causes, stacks, log and retry lines, CLI
 * output, the batch journal) passes through a Redactor, because relays are free to echo the
 * request, headers included, back in an error body.
 *
 * Every pattern here is linear: literal searches over a decoded copy (see secret-search.ts), and
 * regexes whose repeated parts are separated by disjoint character classes, so hostile bodies
 * cannot make them slow.
 */
import { toBase64 } from "./base64.js";
import { createSecretSearch } from "./secret-search.js";
import { escapeUnsafe } from "./unsafe-characters.js";

export const REDACTED = "[REDACTED]";

export interface Redactor {
  /** The text with every known secret and every credential-looking header value replaced. */
  text(text: string): string;
  /** A deep copy of a JSON-like value with every string redacted (keys included). */
  value<T>(value: T): T;
  /**
   * Redacts an error and its `cause` chain in place (message, stack, own properties), and shows
   * the control and invisible characters of messages and stacks as escapes; returns it.
   */
  error<E>(error: E): E;
}

// `Authorization: Bearer x`, `"authorization":"Basic x"`, `proxy-authorization=x`: the value goes.
const AUTH_HEADER =
  /((?:proxy-)?authorization["']?\s{0,8}[:=]\s{0,8}["']?)(?:(?:bearer|basic|token|key)\s{1,8})?[^\s"',;}[\]]+/gi;
// A bearer token wherever it stands, even without a header name (a relay's own log line).
const BEARER = /\b(bearer\s{1,8})[^\s"',;}[\]]+/gi;
// `X-API-Key: x`, `"api_key":"x"`, `?apikey=x`: a key header or query parameter by its usual names.
const KEY_PARAM = /\b((?:x-)?api[-_]?key["']?\s{0,8}[:=]\s{0,8}["']?)[^\s"',;&}[\]]+/gi;
/** Header names whose values are credentials, whatever the scheme (Bearer, Key, X-API-Key, a cookie). */
const CREDENTIAL_HEADER = /authorization|cookie|api[-_]?key|x-key|token|secret/i;
/** Below this, a "secret" would redact ordinary words; real keys are far longer. */
const MIN_SECRET_LENGTH = 6;

/** A redactor for these secrets (the API key), plus every authorization header value. */
export function createRedactor(secrets: readonly (string | undefined)[]): Redactor {
  const search = createSecretSearch(
    secrets.flatMap((s) => (s && s.length >= MIN_SECRET_LENGTH ? variantsOf(s) : [])),
  );

  const text = (input: string): string => {
    // Header values first, whole; then the key wherever else it stands. The token classes stop at
    // "[", so text that was already redacted comes out the same (redacting twice is harmless).
    let out = input
      .replace(AUTH_HEADER, `$1${REDACTED}`)
      .replace(BEARER, `$1${REDACTED}`)
      .replace(KEY_PARAM, `$1${REDACTED}`);
    return search.replace(out, REDACTED);
  };

  const value = <T>(input: T, seen = new WeakMap<object, unknown>()): T => {
    if (typeof input === "string") return text(input) as T;
    if (input === null || typeof input !== "object") return input;
    if (seen.has(input)) return seen.get(input) as T;
    if (Array.isArray(input)) {
      const copy: unknown[] = [];
      seen.set(input, copy);
      for (const item of input) copy.push(value(item, seen));
      return copy as T;
    }
    if (typeof Headers !== "undefined" && input instanceof Headers)
      return redactHeaders(input) as T;
    if (Object.getPrototypeOf(input) !== Object.prototype && Object.getPrototypeOf(input) !== null)
      return input; // class instances (Uint8Array, Blob, ...) carry no text of ours
    const copy: Record<string, unknown> = {};
    seen.set(input, copy);
    for (const [key, item] of Object.entries(input)) copy[text(key)] = value(item, seen);
    return copy as T;
  };

  const redactHeaders = (headers: Headers): Headers => {
    const copy = new Headers();
    headers.forEach((item, name) => {
      copy.set(name, CREDENTIAL_HEADER.test(name) ? REDACTED : text(item));
    });
    return copy;
  };

  const error = <E>(input: E): E => {
    const seen = new Set<unknown>();
    let current: unknown = input;
    // A cause chain is short; the bound guards against a cycle built to hang us.
    for (let depth = 0; depth < 16 && current && typeof current === "object"; depth++) {
      if (seen.has(current)) break;
      seen.add(current);
      const target = current as Record<string, unknown>;
      for (const key of Object.getOwnPropertyNames(target)) {
        if (key === "cause") continue;
        const descriptor = Object.getOwnPropertyDescriptor(target, key);
        if (!descriptor || !("value" in descriptor) || typeof descriptor.value === "function")
          continue;
        let redacted = value(descriptor.value);
        // What apps print of an error, and Node prints of an uncaught one: a relay's text in it
        // shows its control and invisible characters as escapes, never acts on the terminal.
        if ((key === "message" || key === "stack") && typeof redacted === "string")
          redacted = escapeUnsafe(redacted);
        if (redacted !== descriptor.value)
          Object.defineProperty(target, key, { ...descriptor, value: redacted, writable: true });
      }
      if (target instanceof AggregateError) target.errors.forEach((inner) => error(inner));
      current = target.cause;
    }
    return input;
  };

  return { text, value: (input) => value(input), error };
}

/**
 * The forms a key takes in transit beyond what the search decodes itself (letter case, `%HH`,
 * `\uHHHH`, `\xHH`): JSON's escaping of the key, hex of its bytes, and base64 (a Basic header
 * carries `user:key` encoded, so the key's base64 depends on its offset; each of the three
 * alignments leaves a core of characters that depends on the key alone), in the standard and
 * the URL-safe alphabet.
 */
function variantsOf(secret: string): string[] {
  const bytes = new TextEncoder().encode(secret);
  const variants = [
    secret,
    JSON.stringify(secret).slice(1, -1), // differs for a key with a quote or a backslash
    [...bytes].map((b) => b.toString(16).padStart(2, "0")).join(""),
  ];
  for (let offset = 0; offset < 3; offset++) {
    const padded = new Uint8Array(offset + bytes.length);
    padded.set(bytes, offset);
    const encoded = toBase64(padded);
    const fullGroups = Math.floor(padded.length / 3);
    const core = encoded.slice(offset === 0 ? 0 : 4, fullGroups * 4);
    if (core.length >= 8) variants.push(core, core.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  return variants;
}
