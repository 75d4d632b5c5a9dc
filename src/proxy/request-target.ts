/**
 * Request targets a proxy accepts. Only the origin form (`/path?query`) names a route here: the
 * absolute form (`http://host/path`), the authority form and `*` are refused, and the target is
 * never joined to the `Host` header (a `Host: x/api/...#` would rewrite the path).
 */

// Dot segments (raw or percent-encoded, which URL parsers also resolve), encoded separators,
// backslashes and empty segments could each reach another route than the one allowed.
const AMBIGUOUS_PATH = /(^|\/)(\.|%2e){1,2}(\/|$)|%2f|%5c|\\|\/\//i;
// Anything but the characters RFC 3986 allows in a path, and "%" not followed by two hex digits.
const NOT_A_PATH = /[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]|%(?![0-9a-f]{2})/i;

/** Why a path is refused, or `undefined` when it is a plain absolute path. */
export function pathProblem(path: string): string | undefined {
  if (!path.startsWith("/")) return "the path must start with /";
  if (NOT_A_PATH.test(path)) return "the path has characters a URL path cannot have";
  if (AMBIGUOUS_PATH.test(path)) return "the path has dot segments or encoded separators";
  return undefined;
}

/**
 * A raw request target (Node's `req.url`) split into path and query, or why it is refused.
 * Bounded: a target is at most what Node's parser accepted (16 KiB of headers by default).
 */
export function parseOriginForm(
  target: string,
): { path: string; search: string } | { problem: string } {
  if (!target.startsWith("/") || target.startsWith("//"))
    return { problem: "only origin-form request targets (/path?query) are accepted" };
  if (/[\s#\u0000-\u001f\u007f]/.test(target))
    return { problem: "the request target has a fragment or control characters" };
  const at = target.indexOf("?");
  const path = at === -1 ? target : target.slice(0, at);
  const problem = pathProblem(path);
  return problem ? { problem } : { path, search: at === -1 ? "" : target.slice(at) };
}
