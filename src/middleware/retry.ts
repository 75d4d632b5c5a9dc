import type { Middleware } from "openapi-fetch";
import { readOkBody } from "../internal/host-fetch.js";
import { isIdempotent, type RetryOptions } from "../internal/retry-policy.js";
import { settleWithRetries, type AttemptOutcome, type RetryEvent } from "../internal/retry-loop.js";

export type { RetryEvent } from "../internal/retry-loop.js";

/**
 * Retries through openapi-fetch's middleware hooks. Must be the last middleware: it keeps a
 * clone of the final request (auth header included) to replay, and re-sends it with the
 * client's fetch, so every attempt gets its own per-attempt timeout.
 */
export function retryMiddleware(
  options: RetryOptions,
  onRetry?: (event: RetryEvent) => void,
): Middleware {
  const replays = new WeakMap<Request, Request>();

  function settle(request: Request, fetchImpl: typeof fetch, first: AttemptOutcome) {
    const replay = replays.get(request)!;
    replays.delete(request);
    return settleWithRetries(first, {
      method: request.method,
      url: request.url,
      resend: () => fetchImpl(replay.body === null ? replay : replay.clone()),
      options,
      onRetry,
      signal: request.signal,
      readOk: isIdempotent(request.method) ? readOkBody : undefined,
    });
  }

  return {
    onRequest({ request }) {
      // A bodyless request can be sent again as is; only a body needs a copy (clone is not cheap).
      replays.set(request, request.body === null ? request : request.clone());
      return undefined;
    },
    async onResponse({ request, response, options: client }) {
      if (!replays.has(request)) return undefined;
      const settled = await settle(request, client.fetch, { response });
      return settled === response ? undefined : settled;
    },
    async onError({ request, error, options: client }) {
      if (!replays.has(request)) return undefined;
      try {
        return await settle(request, client.fetch, { error });
      } catch (final) {
        return final instanceof Error ? final : new Error(String(final));
      }
    },
  };
}
