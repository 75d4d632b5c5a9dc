/** Base class of every error this package throws: `catch (e) { if (e instanceof ChainHubError) ... }`. */
export class ChainHubError extends Error {
  /** The class's name, so logs and `JSON.stringify` say which error it was. */
  override name = "ChainHubError";

  constructor(
    message: string,
    options?: {
      /** The error underneath (a network error, an abort reason). */
      cause?: unknown;
    },
  ) {
    super(message, options);
  }

  /**
   * What `JSON.stringify(error)` shows: name, message, every field (headers as a plain object)
   * and the cause chain. Error objects serialize to `{}` otherwise, which hides what went wrong.
   */
  toJSON(): Record<string, unknown> {
    return serializeError(this, 0) as Record<string, unknown>;
  }
}

function serializeError(value: unknown, depth: number): unknown {
  if (!(value instanceof Error)) return value;
  const out: Record<string, unknown> = { name: value.name, message: value.message };
  for (const [key, field] of Object.entries(value)) {
    if (key in out) continue;
    out[key] = typeof Headers !== "undefined" && field instanceof Headers ? plain(field) : field;
  }
  if (value.cause !== undefined && depth < 8) out.cause = serializeError(value.cause, depth + 1);
  return out;
}

function plain(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => (out[name] = value));
  return out;
}

/** What every error tied to one HTTP exchange carries. */
export interface RequestContext {
  /** HTTP method, upper case. */
  method: string;
  /** The URL without its query string's secrets; the API key is never part of a URL here. */
  url: string;
  /** fal's request id when known (queue jobs, `x-fal-request-id`). */
  requestId?: string;
}
