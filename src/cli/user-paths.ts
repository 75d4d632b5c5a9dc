import { fileURLToPath } from "node:url";
import { fileFrom, type LocalFile } from "../files/local-file.js";

/**
 * On the command line, paths are the user's own: a `*_url` value without a URL scheme (or a
 * `file:` URL) is their local file, so it becomes an explicit `fileFrom`. The library itself
 * never reads a plain string from disk; this is the one place that says a string is a path.
 */
export function userPathsToFiles(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...body };
  for (const [key, value] of Object.entries(body)) {
    if (key.endsWith("_url") && typeof value === "string") out[key] = userFile(value);
    if (key.endsWith("_urls") && Array.isArray(value))
      out[key] = value.map((item) => (typeof item === "string" ? userFile(item) : item));
  }
  return out;
}

/** A user's own string: a URL stays a URL; a path or `file:` URL becomes `fileFrom(path)`. */
export function userFile(value: string): string | LocalFile {
  if (/^file:/i.test(value)) return fileFrom(fileURLToPath(value));
  // One letter before the colon is a Windows drive (C:\photo.jpg), not a scheme.
  const hasScheme = /^[a-z][a-z0-9+.-]+:/i.test(value);
  return hasScheme ? value : fileFrom(value);
}
