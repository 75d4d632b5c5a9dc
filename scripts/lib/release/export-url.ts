import { UpdateSpecError } from "./update-spec-error.js";

/**
 * Where a new export may be downloaded from: `https:`, or `http:` to this machine (the tests'
 * loopback endpoint). A token never travels in clear text to another host.
 */
export function parseAllowedUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UpdateSpecError(`not a URL: ${text.split("?")[0]}`);
  }
  if (url.protocol === "https:") return url;
  if (url.protocol === "http:" && isLoopback(url.hostname)) return url;
  throw new UpdateSpecError(
    `${publicLabel(url)}: only https: URLs are fetched (http: only to loopback, for tests)`,
  );
}

function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** What may be printed of a URL: a query string or user info can hold a secret. */
export function publicLabel(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}
