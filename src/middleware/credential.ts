/**
 * How the API key goes on the wire under a spec's security scheme: the one place that spells a
 * credential. The client's middleware, its direct polling path, the proxy and the emulator all
 * read it from here, so they cannot disagree about what the spec declared.
 */
import { toBase64 } from "../internal/base64.js";
import type { AuthScheme } from "../internal/contract.js";

/** What the relay gets when the spec says nothing: `Authorization: Bearer <key>`. */
export const BEARER: AuthScheme = { in: "header", name: "Authorization", prefix: "Bearer " };

/**
 * A scheme as the generated tables state it: `null` is "no key on this call", `undefined`
 * "the spec says nothing", which means Bearer.
 */
export type DeclaredAuth = AuthScheme | null | undefined;

/** The scheme that applies: the spec's, or Bearer when it declares none. */
export function schemeOf(declared: DeclaredAuth): AuthScheme | null {
  return declared === undefined ? BEARER : declared;
}

/** The value carried for a key: prefix + key, or for Basic prefix + base64(`user:password`). */
export function credentialValue(scheme: AuthScheme, apiKey: string): string {
  const key =
    scheme.encoding === "basic"
      ? toBase64(new TextEncoder().encode(apiKey.includes(":") ? apiKey : `${apiKey}:`))
      : apiKey;
  return (scheme.prefix ?? "") + key;
}

/** The URL with the key as its query parameter, when the scheme puts it there. */
export function withCredentialInUrl(
  url: string,
  scheme: AuthScheme | null,
  apiKey: string,
): string {
  if (!scheme || scheme.in !== "query") return url;
  const parsed = new URL(url);
  parsed.searchParams.set(scheme.name, credentialValue(scheme, apiKey));
  return parsed.href;
}

/** Sets the header or cookie the scheme declares (a query key is the URL's, above). */
export function setCredentialHeader(
  headers: Headers,
  scheme: AuthScheme | null,
  apiKey: string,
): void {
  if (!scheme) return;
  const value = credentialValue(scheme, apiKey);
  if (scheme.in === "header") headers.set(scheme.name, value);
  else if (scheme.in === "cookie") {
    const pair = `${scheme.name}=${encodeURIComponent(value)}`;
    const existing = headers.get("cookie");
    headers.set("cookie", existing ? `${existing}; ${pair}` : pair);
  }
}

/** Removes any credential a scheme could have set: for requests leaving the API's origin. */
export function clearCredentialHeaders(headers: Headers, scheme: AuthScheme | null): void {
  headers.delete("authorization");
  if (scheme?.in === "header") headers.delete(scheme.name);
  if (scheme?.in === "cookie") headers.delete("cookie");
}

/** Whether a request carries the key the way the scheme declares (the emulator's check). */
export function carriesCredential(
  scheme: AuthScheme | null,
  apiKey: string,
  request: { header(name: string): string | undefined; url: URL },
): boolean {
  if (!scheme) return true;
  const expected = credentialValue(scheme, apiKey);
  if (scheme.in === "header") return request.header(scheme.name) === expected;
  if (scheme.in === "query") return request.url.searchParams.get(scheme.name) === expected;
  const cookies = (request.header("cookie") ?? "").split(";").map((part) => part.trim());
  return cookies.includes(`${scheme.name}=${encodeURIComponent(expected)}`);
}
