import type { AllowedRoute } from "./allow-list.js";

/** Request headers any route passes on: what the relay needs to read a body and answer in kind. */
const ALWAYS_FORWARDED = ["content-type", "accept", "accept-language"];

/**
 * Headers a `forward` option may not name: the proxy sets the credentials itself, and the
 * framing headers belong to each hop (a forwarded `content-length` could desync the body).
 */
export const NEVER_FORWARDED = new Set([
  "authorization",
  "proxy-authorization",
  "cookie",
  "host",
  "content-length",
  "transfer-encoding",
  "connection",
  "upgrade",
  "te",
  "trailer",
  "keep-alive",
]);

/**
 * The query string the relay gets: the route's declared parameters only. An undeclared one is a
 * refusal, not a silent drop, so a browser that asked for `?fal_webhook=` learns it was not sent
 * instead of paying for a job configured differently than it asked.
 */
export function forwardedQuery(
  route: AllowedRoute,
  query: URLSearchParams,
): { search: string } | { refused: string } {
  const kept = new URLSearchParams();
  for (const [name, value] of query) {
    if (!route.query.has(name)) return { refused: name };
    kept.append(name, value);
  }
  const search = kept.toString();
  return { search: search ? `?${search}` : "" };
}

/**
 * The headers the relay gets: the few every route needs and those the route declares (the
 * caller adds the key, as the spec's scheme says). Browsers add many of their own (cookies,
 * `x-fal-*` from a page's script): those stay here.
 */
export function forwardedHeaders(route: AllowedRoute, incoming: Headers): Headers {
  const headers = new Headers();
  for (const name of [...ALWAYS_FORWARDED, ...route.headers]) {
    if (NEVER_FORWARDED.has(name)) continue;
    const value = incoming.get(name);
    if (value !== null) headers.set(name, value);
  }
  return headers;
}
