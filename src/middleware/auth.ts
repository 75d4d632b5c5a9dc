import type { Middleware } from "openapi-fetch";

/**
 * Adds `Authorization: Bearer <key>` to requests for the API's own origin, and to nothing
 * else: a URL from a response body (a CDN, a webhook) must never receive the key.
 */
export function authMiddleware(apiKey: string, apiOrigin: string): Middleware {
  const prefix = apiOrigin + "/";
  return {
    onRequest({ request }) {
      // A prefix test on the normalized URL: same answer as comparing origins, without parsing.
      if (!request.url.startsWith(prefix)) {
        request.headers.delete("authorization");
        return undefined;
      }
      request.headers.set("authorization", authorization(apiKey));
      return undefined;
    },
  };
}

/** The `Authorization` value the relay expects for a key: the one place the scheme is written. */
export function authorization(apiKey: string): string {
  return `Bearer ${apiKey}`;
}
