import { bundledOperations, type Contract } from "../internal/contract.js";
import { OperationIndex } from "../internal/operation-index.js";
import { ConfigurationError } from "../errors/configuration-error.js";
import { createRedactor } from "../internal/redact.js";
import { authorization } from "../middleware/auth.js";
import { resolveOptions } from "../options.js";
import { allowedRoutes, isAllowed } from "./allow-list.js";

/** Options of {@link createProxy}. */
export interface ProxyOptions {
  /** Operations the browser may call, by operationId or `"METHOD /path"`. Required: nothing is open by default. */
  allow: readonly string[];
  /** @default process.env.CHAINHUB_API_KEY */
  apiKey?: string;
  /** The relay. @default process.env.CHAINHUB_BASE_URL, else the spec's first server */
  baseUrl?: string;
  /** Where the proxy is mounted, stripped from incoming paths, e.g. "/api/chainhub". @default "" */
  prefix?: string;
  /** Largest request body forwarded. @default 32 MiB */
  maxBodyBytes?: number;
  fetch?: typeof fetch;
  /** The spec whose operations `allow` names. @default the bundled ChainHub spec */
  contract?: Contract;
}

/** Request headers a browser may pass on; everything else (cookies, its own auth) stays here. */
const FORWARDED_REQUEST_HEADERS = ["content-type", "accept", "accept-language"];
/** Response headers the browser may see. */
const FORWARDED_RESPONSE_HEADERS = ["content-type", "retry-after"];

/**
 * A server-side proxy for browser apps: the browser's client calls it (`createClient({ proxyUrl })`)
 * and it forwards to the relay with the API key attached, for allow-listed operations only.
 * WHATWG `Request -> Response`, so it mounts in Next.js route handlers, Hono, Deno, Bun, and in
 * Node's `http` or Express through {@link toNodeHandler}. The key never reaches the browser:
 * it is not in any response header, and response bodies are redacted (relays may echo it).
 *
 * @example
 * // app/api/chainhub/[...path]/route.ts (Next.js)
 * const proxy = createProxy({ allow: ["falAiFluxProKontextMax"], prefix: "/api/chainhub" });
 * export const GET = proxy, POST = proxy, PUT = proxy;
 */
export function createProxy(options: ProxyOptions): (request: Request) => Promise<Response> {
  if (!Array.isArray(options.allow) || options.allow.length === 0)
    throw new ConfigurationError(
      "createProxy: list the operations the browser may call in { allow }",
    );
  const resolved = resolveOptions({
    ...(options.apiKey ? { apiKey: options.apiKey } : {}),
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.contract ? { contract: options.contract } : {}),
  });
  const routes = allowedRoutes(
    options.contract ? new OperationIndex(options.contract.operationTable) : bundledOperations,
    options.allow,
  );
  const prefix = (options.prefix ?? "").replace(/\/+$/, "");
  const maxBodyBytes = options.maxBodyBytes ?? 32 * 1024 * 1024;
  const redactor = createRedactor([resolved.apiKey]);

  return async (request) => {
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    if (!url.pathname.startsWith(`${prefix}/`)) return refuse(404, "not a path of this proxy");
    const path = url.pathname.slice(prefix.length);
    // Percent-encoded separators and dot segments could reach another route upstream.
    if (/\/\.\.?(\/|$)|%2f|%5c|\\|\/\//i.test(path)) return refuse(400, "malformed path");
    if (!isAllowed(routes, method, path))
      return refuse(403, `${method} ${path} is not allowed by this proxy`);

    const headers = new Headers();
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = request.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    for (const [name, value] of headersOf(request.headers))
      if (name.startsWith("x-fal-")) headers.set(name, value);
    headers.set("authorization", authorization(resolved.apiKey));

    let body: ArrayBuffer | undefined;
    if (method !== "GET" && method !== "HEAD") {
      body = await request.arrayBuffer();
      if (body.byteLength > maxBodyBytes) return refuse(413, "request body too large");
    }
    let upstream: Response;
    try {
      upstream = await resolved.fetch(`${resolved.baseUrl}${path}${url.search}`, {
        method,
        headers,
        ...(body ? { body } : {}),
        redirect: "manual",
        signal: request.signal,
      });
    } catch {
      return refuse(502, "the relay could not be reached");
    }
    const text = redactor.text(await upstream.text());
    const out = new Headers();
    for (const name of FORWARDED_RESPONSE_HEADERS) {
      const value = upstream.headers.get(name);
      if (value !== null) out.set(name, redactor.text(value));
    }
    for (const [name, value] of headersOf(upstream.headers))
      if (name.startsWith("x-fal-")) out.set(name, redactor.text(value));
    return new Response(text, {
      status: upstream.status,
      statusText: upstream.statusText,
      headers: out,
    });
  };
}

function refuse(status: number, detail: string): Response {
  return new Response(JSON.stringify({ detail }), {
    status,
    headers: { "content-type": "application/json" },
  });
}

function headersOf(headers: Headers): [string, string][] {
  const list: [string, string][] = [];
  headers.forEach((value, name) => list.push([name, value]));
  return list;
}
