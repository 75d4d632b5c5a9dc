import { fileURLToPath } from "node:url";
import { fileFrom, type LocalFile } from "../files/local-file.js";
import { refusedUrlString } from "../files/url-policy.js";
import { CliUsageError } from "./exit-codes.js";

/** How the command line names an input property: `image_url` -> `--image`. */
export type FlagName = (property: string) => string;

/**
 * On the command line, paths are the user's own: a `*_url` value without a URL scheme (or a
 * `file:` URL) is their local file, so it becomes an explicit `fileFrom`. The library itself
 * never reads a plain string from disk; this is the one place that says a string is a path.
 */
export function userPathsToFiles(
  body: Record<string, unknown>,
  flagName: FlagName = (property) => property,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...body };
  for (const [key, value] of Object.entries(body)) {
    if (key.endsWith("_url") && typeof value === "string")
      out[key] = userFile(value, flagName(key));
    if (key.endsWith("_urls") && Array.isArray(value))
      out[key] = value.map((item) =>
        typeof item === "string" ? userFile(item, flagName(key)) : item,
      );
  }
  return out;
}

/**
 * A user's own string: a URL stays a URL; a path or `file:` URL becomes `fileFrom(path)`. A URL
 * the API would refuse is refused here, in the words of the command line (`label` names the flag).
 */
export function userFile(value: string, label = "--image"): string | LocalFile {
  if (value.trim() === "")
    throw new CliUsageError(`${label} needs a value: a local path, an https: URL or a data: URI`);
  if (/^file:/i.test(value)) return fileFrom(fileURLToPath(value));
  // One letter before the colon is a Windows drive (C:\photo.jpg), not a scheme.
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(value)?.[1];
  if (!scheme) return fileFrom(value);
  if (/^https?$/i.test(scheme) && refusedUrlString(value))
    throw new CliUsageError(
      `${label}: plain http: is accepted only for 127.0.0.1, ::1 and localhost; use an https: URL or a local path`,
    );
  if (!/^(https?|data)$/i.test(scheme))
    throw new CliUsageError(
      `${label} takes a local path, an https: URL or a data: URI; got a ${scheme}: URL`,
    );
  return value;
}
