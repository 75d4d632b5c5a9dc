/**
 * The standard reason phrase of a status (RFC 9110), which the proxy sends instead of the
 * relay's: a reason phrase is free text, and `401 Unauthorized: <key>` has been seen. Kept here
 * rather than taken from `node:http` so the proxy runs on edge runtimes too.
 */
const PHRASES: Readonly<Record<number, string>> = {
  200: "OK",
  201: "Created",
  202: "Accepted",
  204: "No Content",
  301: "Moved Permanently",
  302: "Found",
  303: "See Other",
  304: "Not Modified",
  307: "Temporary Redirect",
  308: "Permanent Redirect",
  400: "Bad Request",
  401: "Unauthorized",
  402: "Payment Required",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  408: "Request Timeout",
  409: "Conflict",
  410: "Gone",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** The phrase for `status`, or "" (each server then picks its own) for one not listed. */
export function standardPhrase(status: number): string {
  return PHRASES[status] ?? "";
}
