import { bundledOperations, defaultContract, type Contract } from "../internal/contract.js";
import { OperationIndex } from "../internal/operation-index.js";
import { ConfigurationError } from "../errors/configuration-error.js";
import { createRedactor } from "../internal/redact.js";
import { createAuthLookup } from "../middleware/auth-lookup.js";
import { setCredentialHeader, withCredentialInUrl } from "../middleware/credential.js";
import { resolveOptions } from "../options.js";
import { allowedRoutes, findRoute } from "./allow-list.js";
import { forwardedHeaders, forwardedQuery, NEVER_FORWARDED } from "./forwarded-parts.js";
import { readCappedBody } from "./read-capped-body.js";
import { redactBody } from "./redact-body.js";
import { refuse } from "./refuse.js";
import { standardPhrase } from "./status-phrase.js";
import { pathProblem } from "./request-target.js";

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
  /**
   * Largest relay response passed back (the proxy holds it whole, to redact it). Results with
   * `sync_mode` data URIs are the big ones; an answer over the cap is a 502 and stays with the
   * relay, to be asked for again with a larger cap. @default 256 MiB
   */
  maxResponseBytes?: number;
  /** The fetch used to reach the relay. @default globalThis.fetch */
  fetch?: typeof fetch;
  /** The spec whose operations `allow` names. @default the bundled ChainHub spec */
  contract?: Contract;
  /**
   * Query parameters and request headers passed on beyond those the spec declares for each
   * operation (and `logs` on status), e.g. `{ query: ["fal_webhook"] }`. Credentials and framing
   * headers (`authorization`, `cookie`, `host`, `content-length`, ...) cannot be named.
   * @default nothing more
   */
  forward?: {
    /** Extra query parameter names passed on. */
    query?: readonly string[];
    /** Extra request header names passed on (lower or upper case). */
    headers?: readonly string[];
  };
}

/** Response headers the browser may see, besides fal's own `x-fal-*` (request id, retryable). */
const FORWARDED_RESPONSE_HEADERS = ["content-type", "retry-after"];
/** Statuses a `Response` may not carry a body with (its constructor throws). */
const NULL_BODY_STATUSES = [204, 205, 304];

/**
 * A server-side proxy for browser apps: the browser's client calls it (`createClient({ proxyUrl })`)
 * and it forwards to the relay with the API key attached, for allow-listed operations only.
 * WHATWG `Request -> Response`, so it mounts in Next.js route handlers, Hono, Deno, Bun, and in
 * Node's `http` or Express through {@link toNodeHandler}. The key never reaches the browser:
 * it is not in any response header, response bodies are redacted (relays may echo it), and the
 * relay's reason phrase is replaced by the standard one. The relay is always `baseUrl` plus the validated path, with
 * only the query parameters and headers the spec declares for that operation.
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
  const resolved = resolveOptions(
    {
      ...(options.apiKey ? { apiKey: options.apiKey } : {}),
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.contract ? { contract: options.contract } : {}),
    },
    undefined,
    "createProxy",
  );
  const forwardHeaders = (options.forward?.headers ?? []).map((name) => name.toLowerCase());
  const unsafe = forwardHeaders.find((name) => NEVER_FORWARDED.has(name));
  if (unsafe) throw new ConfigurationError(`createProxy: forward.headers may not name "${unsafe}"`);
  const routes = allowedRoutes(
    options.contract ? new OperationIndex(options.contract.operationTable) : bundledOperations,
    options.allow,
    { query: options.forward?.query ?? [], headers: forwardHeaders },
  );
  const prefix = (options.prefix ?? "").replace(/\/+$/, "");
  // Request paths start with "/": a prefix without one (or a whole URL) would match none of them,
  // and every call would be a 404 with nothing said about why.
  if (prefix && !/^\/[^/?#]/.test(prefix))
    throw new ConfigurationError(
      `createProxy: prefix must be a path starting with "/", like "/api/chainhub"; got "${prefix.slice(0, 80)}"`,
    );
  const maxBodyBytes = options.maxBodyBytes ?? 32 * 1024 * 1024;
  const maxResponseBytes = options.maxResponseBytes ?? 256 * 1024 * 1024;
  const redactor = createRedactor([resolved.apiKey]);
  // The key goes upstream as the spec's securitySchemes say (Bearer where it says nothing).
  const authLookup = createAuthLookup(options.contract ?? defaultContract);
  const upstreamFetch = resolved.fetch; // called bare: host fetches reject a foreign `this`
  const base = new URL(resolved.baseUrl);

  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return refuse(400, "malformed request URL");
    }
    // A request target has no fragment: one here means the URL was assembled from a Host header.
    if (url.hash || request.url.includes("#")) return refuse(400, "malformed request URL");
    const method = request.method.toUpperCase();
    if (!url.pathname.startsWith(`${prefix}/`)) return refuse(404, "not a path of this proxy");
    const path = url.pathname.slice(prefix.length);
    const problem = pathProblem(path);
    if (problem) return refuse(400, `malformed path: ${problem}`);
    const route = findRoute(routes, method, path);
    if (!route) return refuse(403, `${method} ${path} is not allowed by this proxy`);
    const query = forwardedQuery(route, url.searchParams);
    if ("refused" in query)
      return refuse(400, `query parameter "${query.refused}" is not forwarded by this proxy`);

    // Built from the configured base and the checked path alone; the parser must not change it.
    const target = new URL(`${resolved.baseUrl}${path}${query.search}`);
    if (
      target.origin !== base.origin ||
      target.pathname !== `${base.pathname.replace(/\/$/, "")}${path}`
    )
      return refuse(400, "malformed path");

    let body: Uint8Array<ArrayBuffer> | undefined;
    if (method !== "GET" && method !== "HEAD") {
      const read = await readCappedBody(request, maxBodyBytes);
      if (read === "too-large") return refuse(413, "request body too large");
      if (read === "bad-length") return refuse(400, "malformed Content-Length");
      body = read;
    }
    const scheme = authLookup(method, route.schemaPath);
    const headers = forwardedHeaders(route, request.headers);
    setCredentialHeader(headers, scheme, resolved.apiKey);
    let upstream: Response;
    let answer: Awaited<ReturnType<typeof readCappedBody>>;
    try {
      upstream = await upstreamFetch(withCredentialInUrl(target.href, scheme, resolved.apiKey), {
        method,
        headers,
        ...(body ? { body } : {}),
        redirect: "manual",
        signal: request.signal,
      });
      answer = await readCappedBody(upstream, maxResponseBytes);
    } catch {
      return refuse(502, "the relay could not be reached");
    }
    if (answer === "too-large")
      return refuse(
        502,
        `the relay's answer is larger than this proxy's maxResponseBytes (${maxResponseBytes}); the relay keeps it: ask again once the cap is raised`,
      );
    if (answer === "bad-length") return refuse(502, "the relay's answer was cut short");
    // Bytes, not a string: a string body would also gain a text/plain type the relay never sent.
    const passedOn = answer ? redactBody(redactor, answer) : new Uint8Array(0);
    const out = new Headers();
    upstream.headers.forEach((value, name) => {
      if (FORWARDED_RESPONSE_HEADERS.includes(name) || name.startsWith("x-fal-"))
        out.set(name, redactor.text(value));
    });
    // The relay's reason phrase is free text (`401 Unauthorized: <key>` has been seen): the
    // standard phrase replaces it rather than a redacted copy, which a new spelling could pass.
    return new Response(NULL_BODY_STATUSES.includes(upstream.status) ? null : passedOn, {
      status: upstream.status,
      statusText: standardPhrase(upstream.status),
      headers: out,
    });
  };
}
