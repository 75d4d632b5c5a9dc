import { isNetworkFailure } from "./host-fetch.js";

/**
 * When to try a request again, as pure functions of method, outcome and attempt number.
 *
 * Reads (GET, PUT cancel, ...) retry on 408/429/5xx and transport errors. A submit (POST) starts
 * a paid job, so it retries only where the job provably was not accepted: 429 and 503 answers,
 * and connections that never opened. A reset or a 500/502/504 after sending is ambiguous: the
 * error surfaces instead of risking a second charge. Never on abort, never on a per-attempt
 * timeout, never on a 504 that fal marks as the caller's own deadline, never on an error that
 * did not come out of the host's fetch (see host-fetch.ts).
 */
export interface RetryOptions {
  /** Retries after the first attempt. @default 3 */
  maxRetries: number;
  /** First backoff delay; doubles each retry, with +/-25% jitter. @default 1000 */
  initialDelayMs: number;
  /** Cap on one backoff delay. @default 30000 */
  maxDelayMs: number;
  /** A `Retry-After` longer than this is not waited for: the error surfaces. @default 60000 */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryOptions = {
  maxRetries: 3,
  initialDelayMs: 1000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 60_000,
};

const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);

/** A method whose request may be sent again without a second effect (never a paid submit). */
export function isIdempotent(method: string): boolean {
  return IDEMPOTENT.has(method.toUpperCase());
}
const RETRYABLE_READ_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const RETRYABLE_SUBMIT_STATUS = new Set([429, 503]);
/** Transport failures that mean nothing reached the server. */
const NEVER_CONNECTED = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** Milliseconds to wait before retrying a response, or undefined to give up. */
export function retryDelayForResponse(
  method: string,
  response: Response,
  attempt: number,
  options: RetryOptions,
  random = Math.random,
): number | undefined {
  if (attempt >= options.maxRetries) return undefined;
  const { status, headers } = response;
  if (status === 504 && headers.get("x-fal-request-timeout-type") === "user") return undefined;
  const retryable = isIdempotent(method) ? RETRYABLE_READ_STATUS : RETRYABLE_SUBMIT_STATUS;
  if (!retryable.has(status)) return undefined;
  const retryAfter = parseRetryAfter(headers.get("retry-after"));
  if (retryAfter !== undefined)
    return retryAfter <= options.maxRetryAfterMs ? retryAfter : undefined;
  return backoff(attempt, options, random);
}

/** Milliseconds to wait before retrying a transport error, or undefined to give up. */
export function retryDelayForError(
  method: string,
  error: unknown,
  attempt: number,
  options: RetryOptions,
  random = Math.random,
): number | undefined {
  // Only the network's failures: a bug of ours fails the same way on every attempt.
  if (attempt >= options.maxRetries || isAbort(error) || !isNetworkFailure(error)) return undefined;
  const safe = isIdempotent(method) || errorCodes(error).some((c) => NEVER_CONNECTED.has(c));
  return safe ? backoff(attempt, options, random) : undefined;
}

export function backoff(attempt: number, options: RetryOptions, random = Math.random): number {
  const base = Math.min(options.initialDelayMs * 2 ** attempt, options.maxDelayMs);
  return Math.round(base * (0.75 + random() * 0.5));
}

/** `Retry-After: 2` or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function isAbort(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === "AbortError" || name === "TimeoutError";
}

/** Error codes along the cause chain (undici nests them, and wraps parallel attempts in AggregateError). */
export function errorCodes(error: unknown, depth = 0): string[] {
  if (!error || typeof error !== "object" || depth > 5) return [];
  const own = (error as { code?: unknown }).code;
  const codes = typeof own === "string" ? [own] : [];
  const nested = (error as { errors?: unknown }).errors;
  if (Array.isArray(nested))
    for (const inner of nested) codes.push(...errorCodes(inner, depth + 1));
  return [...codes, ...errorCodes((error as { cause?: unknown }).cause, depth + 1)];
}
