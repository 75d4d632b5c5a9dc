/**
 * A local file the caller chose to upload. Only this (or a `file:` URL object, bytes or a Blob)
 * makes the client read the disk: a plain string never does, so a string that came from an
 * untrusted user (a web form, a webhook) cannot turn into an upload of `/etc/passwd` or `.env`.
 */
export class LocalFile {
  /** Brand: a structurally equal plain object is not a LocalFile. */
  readonly #local = true;

  constructor(
    /** The file's path, read when the request is sent (relative to the working folder). */
    readonly path: string,
  ) {}

  /** Whether `value` was made by `fileFrom` or `new LocalFile` (a look-alike object is not). */
  static is(value: unknown): value is LocalFile {
    return typeof value === "object" && value !== null && #local in value;
  }
}

/**
 * Marks a path as a file to read and upload (inlined as a data URI).
 *
 * @example
 * await client.kontextMax.edit({ prompt: "Add snow", image: fileFrom("./photo.jpg") });
 */
export function fileFrom(path: string): LocalFile {
  if (typeof path !== "string" || path === "")
    throw new TypeError("fileFrom(path) needs a non-empty path string");
  return new LocalFile(path);
}
