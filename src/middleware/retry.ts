import type { Middleware } from "openapi-fetch";
import { sleep } from "../internal/sleep.js";
import {
  retryDelayForError,
  retryDelayForResponse,
  type RetryOptions,
} from "../internal/retry-policy.js";

/** Reported before each retry: which request, which attempt, how long until it, and why. */
export interface RetryEvent {
  method: string;
  url: string;
  attempt: number;
  delayMs: number;
  reason: string;
}

/**
 * Retries through openapi-fetch's middleware hooks. Must be the last middleware: it keeps a
 * clone of the final request (auth header included) to replay, and re-sends it with the
 * client's fetch, so every attempt gets its own per-attempt timeout.
 */
export function retryMiddleware(
  options: RetryOptions,
  onRetry?: (event: RetryEvent) => void,
): Middleware {
  const replays = new WeakMap<Request, { replay: Request; attempt: number }>();

  async function again(
    request: Request,
    fetchImpl: typeof fetch,
    delayMs: number,
    reason: string,
  ): Promise<Response> {
    const state = replays.get(request)!;
    onRetry?.({
      method: request.method,
      url: request.url,
      attempt: state.attempt + 1,
      delayMs,
      reason,
    });
    await sleep(delayMs, request.signal);
    state.attempt += 1;
    return fetchImpl(state.replay.body === null ? state.replay : state.replay.clone());
  }

  async function settle(
    request: Request,
    fetchImpl: typeof fetch,
    outcome: { response: Response } | { error: unknown },
  ): Promise<Response> {
    let current = outcome;
    for (;;) {
      const state = replays.get(request)!;
      const delay =
        "response" in current
          ? retryDelayForResponse(request.method, current.response, state.attempt, options)
          : retryDelayForError(request.method, current.error, state.attempt, options);
      if (delay === undefined) {
        replays.delete(request);
        if ("response" in current) return current.response;
        throw current.error;
      }
      const reason =
        "response" in current ? `HTTP ${current.response.status}` : describe(current.error);
      if ("response" in current) await current.response.body?.cancel().catch(() => undefined);
      try {
        current = { response: await again(request, fetchImpl, delay, reason) };
      } catch (error) {
        current = { error };
      }
    }
  }

  return {
    onRequest({ request }) {
      // A bodyless request can be sent again as is; only a body needs a copy (clone is not cheap).
      replays.set(request, {
        replay: request.body === null ? request : request.clone(),
        attempt: 0,
      });
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

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string } })?.cause;
  return cause?.code ?? (error as Error)?.message ?? String(error);
}
