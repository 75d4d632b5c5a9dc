import type { AuthScheme } from "./contract.js";
import { BEARER, setCredentialHeader, withCredentialInUrl } from "../middleware/credential.js";
import { settleWithRetries, type AttemptOutcome, type RetryEvent } from "./retry-loop.js";
import { readOkBody } from "./host-fetch.js";
import { isIdempotent, type RetryOptions } from "./retry-policy.js";

/** Sends a bodyless request to a path on the API's base URL, retried by the client's rules. */
export type DirectFetch = (method: string, path: string, signal?: AbortSignal) => Promise<Response>;

export interface DirectFetchOptions {
  /** The client's fetch, already wrapped with the per-attempt deadline (withDeadlineRace). */
  fetch: typeof fetch;
  baseUrl: string;
  /** Empty behind a proxy: the proxy attaches the key. */
  apiKey: string;
  /** How the key travels on these URLs (outside the spec's paths: the document's scheme). @default Bearer */
  auth?: AuthScheme | null;
  retry: RetryOptions;
  onRetry?: ((event: RetryEvent) => void) | undefined;
}

/**
 * The hot path of waiting (status polls, result, cancel): URLs the spec does not type, so
 * openapi-fetch has nothing to add there but a Request object per call, which costs more than the
 * loopback round trip it wraps. Same key, deadline and retry rules as the middleware path; the
 * client takes it only when no user middleware or logger must see every request.
 */
export function createDirectFetch(options: DirectFetchOptions): DirectFetch {
  const scheme = options.auth === undefined ? BEARER : options.auth;
  let headers: Headers | undefined;
  if (options.apiKey && scheme && scheme.in !== "query") {
    headers = new Headers();
    setCredentialHeader(headers, scheme, options.apiKey);
  }
  const keyInQuery = Boolean(options.apiKey && scheme?.in === "query");
  // Called as a plain function, never as `options.fetch(...)`: a host's fetch refuses a foreign `this`.
  const fetchImpl = options.fetch;
  return (method, path, signal) => {
    // Only paths: the key goes to our own base URL and never to a host built from a string.
    if (!path.startsWith("/"))
      return Promise.reject(new TypeError(`not a path on the API: "${path}"`));
    const url = keyInQuery
      ? withCredentialInUrl(options.baseUrl + path, scheme, options.apiKey)
      : options.baseUrl + path;
    const init: RequestInit = { method, redirect: "follow" };
    if (headers) init.headers = headers;
    if (signal) init.signal = signal;
    const send = () => fetchImpl(url, init);
    // Status, result and cancel: a body cut short or garbled is retried like a reset.
    const readOk = isIdempotent(method) ? readOkBody : undefined;
    const retry = (first: AttemptOutcome) =>
      settleWithRetries(first, {
        method,
        url,
        resend: send,
        options: options.retry,
        onRetry: options.onRetry,
        signal,
        readOk,
      });
    // A 2xx read whole is never retried: hand it back without the retry loop's promise hops.
    return send().then(
      (response) =>
        response.ok && readOk
          ? readOk(response).then(
              () => response,
              (error: unknown) => retry({ error }),
            )
          : response.ok
            ? response
            : retry({ response }),
      (error: unknown) => retry({ error }),
    );
  };
}
