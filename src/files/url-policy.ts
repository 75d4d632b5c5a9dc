/**
 * Which strings a file field accepts as they are: `https:` URLs, `data:` URIs, and `http:` only
 * to this machine (an emulator or a test server); plain `http:` elsewhere would send users' images
 * unencrypted. Everything else (paths, `file:` and other schemes) is refused: reading the disk
 * takes an explicit `fileFrom(path)`.
 */
export function refusedUrlString(value: string): string | undefined {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  if (scheme === "https" || scheme === "data") return undefined;
  if (scheme === "http") {
    return isLoopbackUrl(value)
      ? undefined
      : "http: URLs are accepted only for 127.0.0.1, ::1 and localhost; use an https: URL";
  }
  const what =
    scheme === undefined || /^[a-z]$/i.test(scheme)
      ? "a string that is not a URL (local paths are read only through fileFrom(path))"
      : `a ${scheme}: URL (only https:, data: and loopback http: are accepted; for a local file use fileFrom(path))`;
  return `expected an https: URL or a data: URI, got ${what}`;
}

/** Whether a URL points at this machine: localhost, 127.0.0.0/8 or [::1]. */
export function isLoopbackUrl(value: string | URL): boolean {
  let host: string;
  try {
    host = (typeof value === "string" ? new URL(value) : value).hostname;
  } catch {
    return false;
  }
  return (
    host === "localhost" ||
    host.endsWith(".localhost") ||
    host === "[::1]" ||
    /^127(\.\d{1,3}){3}$/.test(host)
  );
}
