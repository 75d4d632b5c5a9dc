import type { Middleware } from "openapi-fetch";
import type { AuthScheme } from "../internal/contract.js";
import {
  BEARER,
  clearCredentialHeaders,
  setCredentialHeader,
  withCredentialInUrl,
} from "./credential.js";

/** The scheme of the call to `METHOD schemaPath` (a spec path, or a queue URL outside it). */
export type AuthLookup = (method: string, schemaPath: string) => AuthScheme | null;

/**
 * Adds the key, the way the spec's security scheme for the operation says (a header, a query
 * parameter or a cookie; Bearer when the spec says nothing), to requests for the API's own
 * origin, and to nothing else: a URL from a response body (a CDN, a webhook) must never
 * receive the key.
 */
export function authMiddleware(
  apiKey: string,
  apiOrigin: string,
  lookup: AuthLookup = () => BEARER,
): Middleware {
  const prefix = apiOrigin + "/";
  return {
    async onRequest({ request, schemaPath }) {
      const scheme = lookup(request.method, schemaPath);
      // A prefix test on the normalized URL: same answer as comparing origins, without parsing.
      if (!request.url.startsWith(prefix)) {
        clearCredentialHeaders(request.headers, scheme);
        return undefined;
      }
      setCredentialHeader(request.headers, scheme, apiKey);
      if (scheme?.in !== "query") return undefined;
      // A Request's URL is fixed: a copy with the body read out (a stream body would need
      // `duplex`, which not every host's fetch takes).
      const body = request.body ? await request.arrayBuffer() : undefined;
      return new Request(withCredentialInUrl(request.url, scheme, apiKey), {
        method: request.method,
        headers: request.headers,
        redirect: request.redirect,
        signal: request.signal,
        ...(body ? { body } : {}),
      });
    },
  };
}
