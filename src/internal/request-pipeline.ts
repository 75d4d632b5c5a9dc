import type { Middleware, MiddlewareCallbackParams } from "openapi-fetch";
import { callBody, callUrl, fillPath, queryString } from "./serialize-call.js";

/** A call of one operation of the spec: openapi-fetch's params and body. */
export interface PipelineCall {
  params?: {
    path?: Record<string, unknown>;
    query?: Record<string, unknown>;
    header?: Record<string, unknown>;
  };
  body?: unknown;
  signal?: AbortSignal | undefined;
}

/** Sends `METHOD schemaPath` through the middleware; resolves with the response, body unread. */
export type SendCall = (
  method: string,
  schemaPath: string,
  call: PipelineCall,
) => Promise<Response>;

type Hooks = {
  onRequest?: (p: MiddlewareCallbackParams) => unknown;
  onResponse?: (p: MiddlewareCallbackParams & { response: Response }) => unknown;
  onError?: (p: MiddlewareCallbackParams & { error: unknown }) => unknown;
};

/**
 * openapi-fetch's request as its client sends it (serialize-call.ts: its default URL, query, body
 * and header serialization), with its middleware contract: `onRequest` in order (a Request replaces
 * the request, a Response answers it), then `onError` or `onResponse` in reverse order, each
 * given the same arguments. What the facade never used of its client is left out (per-call
 * middleware and serializers, `parseAs`, the verb methods, `eject`), so an app does not bundle
 * it; the transport reads the body.
 */
export function createPipeline(options: {
  baseUrl: string;
  fetch: typeof fetch;
  middleware: readonly (Middleware | undefined)[];
}): SendCall {
  const { baseUrl } = options;
  const middleware = options.middleware.filter((m): m is Middleware => Boolean(m)) as Hooks[];
  for (const m of middleware)
    if (typeof m !== "object" || !("onRequest" in m || "onResponse" in m || "onError" in m))
      throw new Error(
        "Middleware must be an object with one of `onRequest()`, `onResponse() or `onError()`",
      );
  // What middleware reads as `options`: openapi-fetch's client options, with its serializers.
  const clientOptions = Object.freeze({
    baseUrl,
    fetch: options.fetch,
    parseAs: "stream" as const,
    querySerializer: queryString,
    // Middleware may pass its own Headers, as openapi-fetch's serializer accepts them.
    bodySerializer: (body: unknown, header?: Record<string, unknown> | Headers) =>
      callBody(body, header instanceof Headers ? plainHeaders(header) : header).body,
    pathSerializer: fillPath,
  });
  // Called as a plain function: a host's fetch refuses a foreign `this`.
  const fetchImpl = options.fetch;

  return async (method, schemaPath, call) => {
    const params = call.params ?? {};
    const { body, headers } = callBody(call.body, params.header);
    let request = new Request(callUrl(baseUrl, schemaPath, params), {
      redirect: "follow",
      method: method.toUpperCase(),
      body,
      headers,
      signal: call.signal,
    });
    if (middleware.length === 0) return fetchImpl(request);
    const hook = { schemaPath, params, options: clientOptions, id: randomId() };
    for (const m of middleware) {
      const result = await m.onRequest?.({ ...hook, request });
      if (!result) continue;
      if (result instanceof Request) request = result;
      else if (result instanceof Response) return result;
      else
        throw new Error(
          "onRequest: must return new Request() or Response() when modifying the request",
        );
    }
    let response: Response | undefined;
    try {
      response = await fetchImpl(request);
    } catch (thrown) {
      response = await recover(middleware, { ...hook, request }, thrown);
    }
    for (let i = middleware.length - 1; i >= 0; i--) {
      const result: unknown = await middleware[i]!.onResponse?.({ ...hook, request, response });
      if (!result) continue;
      if (!(result instanceof Response))
        throw new Error("onResponse: must return new Response() when modifying the response");
      response = result;
    }
    return response;
  };
}

/** `onError` hooks in reverse order: a Response recovers, an Error replaces the error. */
async function recover(
  middleware: Hooks[],
  hook: MiddlewareCallbackParams,
  thrown: unknown,
): Promise<Response> {
  let error = thrown;
  for (let i = middleware.length - 1; i >= 0; i--) {
    const result = await middleware[i]!.onError?.({ ...hook, error });
    if (!result) continue;
    if (result instanceof Response) return result;
    if (!(result instanceof Error))
      throw new Error("onError: must return new Response() or instance of Error");
    error = result;
  }
  throw error;
}

function plainHeaders(headers: Headers): Record<string, string> {
  const plain: Record<string, string> = {};
  headers.forEach((value, name) => (plain[name] = value));
  return plain;
}

/** openapi-fetch's request id: 9 random base-36 characters. */
function randomId(): string {
  return Math.random().toString(36).slice(2, 11);
}
