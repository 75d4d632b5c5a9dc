import type { Client } from "openapi-fetch";
import { AbortedError } from "../errors/aborted-error.js";
import type { RequestContext } from "../errors/chainhub-error.js";
import { ConnectionError } from "../errors/connection-error.js";
import { ChainHubError } from "../errors/chainhub-error.js";
import { createApiError } from "../errors/create-api-error.js";
import { InternalError } from "../errors/internal-error.js";
import { TimeoutError } from "../errors/timeout-error.js";
import type { DirectFetch } from "./direct-fetch.js";
import { isNetworkFailure, parseJson, readText, takeBodyRead } from "./host-fetch.js";
import { followSignals } from "./follow-signals.js";
import { errorCodes } from "./retry-policy.js";
import type { Redactor } from "./redact.js";
import { pathOfUrl } from "./url-path.js";

export interface CallOptions {
  body?: unknown;
  query?: Record<string, string>;
  /** openapi-fetch's params: path values substituted into the path, query and headers. */
  params?: {
    path?: Record<string, unknown>;
    query?: Record<string, unknown>;
    header?: Record<string, unknown>;
  };
  signal?: AbortSignal | undefined;
  /** A known fal request id, attached to errors. */
  requestId?: string | undefined;
}

/** Options of a call to a URL the spec does not type. */
export type PathCallOptions = Pick<CallOptions, "query" | "signal" | "requestId">;

export interface CallResult<T> {
  data: T;
  response: Response;
}

/** Every HTTP exchange of the facade: a typed path through openapi-fetch, and untyped URLs. */
export interface Transport {
  /** A call through openapi-fetch (and its middleware): a typed operation's path template. */
  call<T>(method: string, path: string, options?: CallOptions): Promise<CallResult<T>>;
  /**
   * Calls a path the spec does not type (a job's status, result or cancel URL). Without user
   * middleware it skips openapi-fetch, which would only add a Request object per poll; the
   * result and the errors are the same either way.
   */
  callPath<T>(method: string, path: string, options?: PathCallOptions): Promise<CallResult<T>>;
}

/**
 * Every HTTP exchange of the facade goes through openapi-fetch here, and every failure leaves as
 * one of our typed errors: non-2xx -> ApiError subclass, transport -> ConnectionError,
 * deadline -> TimeoutError, caller abort -> AbortedError, anything our own code (or a
 * middleware) threw -> InternalError. openapi-fetch itself never throws on a status; we throw,
 * so callers have one error contract. Closures rather than a class: the helpers stay private
 * and a bundler can shorten their names.
 */
export function createTransport(
  // Untyped on purpose: queue URLs (status/result/cancel) are not in the spec's paths.
  client: Client<Record<string, never>>,
  baseUrl: string,
  /** Every error leaves through it: relays may echo the request, key included, in a body. */
  redactor: Redactor,
  /** The lean path for untyped calls; absent when user middleware must see every request. */
  direct?: DirectFetch,
): Transport {
  const request = client.request as (
    m: string,
    p: string,
    i: unknown,
  ) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

  /**
   * What errors say about the call: method, URL and the job's id when known. Built only when a
   * call fails: a poll that succeeds never needs it.
   */
  const contextOf = (method: string, path: string, requestId?: string): RequestContext => {
    const context: RequestContext = { method: method.toUpperCase(), url: baseUrl + path };
    if (requestId) context.requestId = requestId;
    return context;
  };

  /**
   * A call that got no readable answer, as our typed, redacted error. When the answer arrived but
   * could not be read, a submit's 2xx means the job was accepted (and paid), so the id its header
   * names must reach the error.
   */
  const failure = (
    error: unknown,
    method: string,
    path: string,
    options: PathCallOptions,
    response: Response | undefined,
  ): Error => {
    const context = contextOf(method, path, options.requestId);
    const id = response?.headers.get("x-fal-request-id");
    if (id && !context.requestId) context.requestId = redactor.text(id);
    return redactor.error(classifyFailure(error, context, options.signal));
  };

  /** A 2xx becomes the call's result; anything else our typed, redacted ApiError. */
  const settle = <T>(
    outcome: { data?: unknown; error?: unknown; response: Response },
    method: string,
    path: string,
    knownRequestId: string | undefined,
  ): CallResult<T> => {
    const { response } = outcome;
    if (!response.ok) {
      const requestId = knownRequestId ?? response.headers.get("x-fal-request-id") ?? undefined;
      // Redacted before the error exists, so its message (built from the body) is clean too.
      throw redactor.error(
        createApiError({
          ...redactor.value(contextOf(method, path)),
          ...(requestId ? { requestId: redactor.text(requestId) } : {}),
          status: response.status,
          statusText: redactor.text(response.statusText),
          headers: redactor.value(response.headers),
          body: redactor.value(outcome.error),
        }),
      );
    }
    return { data: outcome.data as T, response };
  };

  const call = async <T>(
    method: string,
    path: string,
    options: CallOptions = {},
  ): Promise<CallResult<T>> => {
    let outcome;
    try {
      const init: Record<string, unknown> = {};
      if (options.body !== undefined) init.body = options.body;
      if (options.query || options.params)
        init.params = { ...options.params, ...(options.query ? { query: options.query } : {}) };
      // The call's own: the caller's may be shared by many calls at once (see followSignals).
      if (options.signal) init.signal = followSignals([options.signal]);
      // We read a 2xx body ourselves (readBody), so a connection cut mid-body is told apart from a bug.
      init.parseAs = "stream";
      outcome = await request(method.toLowerCase(), path, init);
      if (outcome.response.ok && outcome.data !== undefined)
        outcome = await readBody(outcome.response);
    } catch (error) {
      throw failure(error, method, path, options, outcome?.response);
    }
    return settle<T>(outcome, method, path, options.requestId);
  };

  const callPath = async <T>(
    method: string,
    path: string,
    options: PathCallOptions = {},
  ): Promise<CallResult<T>> => {
    if (!direct) return call<T>(method, path, options);
    const target = options.query
      ? `${path}${path.includes("?") ? "&" : "?"}${new URLSearchParams(options.query)}`
      : path;
    let response: Response | undefined;
    let outcome;
    try {
      response = await direct(method.toUpperCase(), target, options.signal);
      outcome = await readBody(response);
    } catch (error) {
      throw failure(error, method, path, options, response);
    }
    return settle<T>(outcome, method, path, options.requestId);
  };

  return { call, callPath };
}

/**
 * Reads a body the way openapi-fetch does, so both paths give the same result: nothing for 204
 * or an empty body, JSON for a 2xx, and for an error the JSON if it parses, else the text (none
 * for an empty error body). A 2xx's empty body reads as "" whatever its headers say, so only an
 * error's headers are consulted.
 */
async function readBody(
  response: Response,
): Promise<{ data?: unknown; error?: unknown; response: Response }> {
  if (response.status === 204) return { response };
  const read = takeBodyRead(response);
  if (read) return { data: read.data, response };
  if (response.ok) {
    const raw = await readText(response);
    return { data: raw ? parseJson(raw) : undefined, response };
  }
  const length = response.headers.get("content-length");
  if (length === "0" && !response.headers.get("transfer-encoding")?.includes("chunked"))
    return { response };
  const text = await readText(response);
  try {
    return { error: JSON.parse(text), response };
  } catch {
    return { error: text, response };
  }
}

function classifyFailure(
  error: unknown,
  context: RequestContext,
  signal: AbortSignal | undefined,
): Error {
  const name = (error as { name?: string })?.name;
  if (name === "AbortError" || signal?.aborted) {
    return new AbortedError(
      `aborted: ${context.method} ${pathOfUrl(context.url)}`,
      context.requestId,
      { cause: error },
    );
  }
  if (name === "TimeoutError") {
    return new TimeoutError(
      `no answer in time: ${context.method} ${pathOfUrl(context.url)}`,
      context.requestId,
      { cause: error },
    );
  }
  // Ours (or a middleware's, already typed): never dressed up as the network's.
  if (error instanceof ChainHubError) return error;
  if (!isNetworkFailure(error)) return new InternalError(error, context);
  if (error instanceof SyntaxError) {
    return new ConnectionError(
      "the API answered with a body that is not valid JSON",
      context,
      error,
    );
  }
  const code = errorCodes(error)[0];
  return new ConnectionError(
    code ? `connection failed (${code})` : "connection failed",
    context,
    error,
  );
}
