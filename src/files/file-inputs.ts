import { ChainHubError } from "../errors/chainhub-error.js";
import { toBase64 } from "../internal/base64.js";
import { nodeModule } from "../internal/node-only.js";
import type { FieldIssue } from "../errors/api-error.js";
import { ValidationError } from "../errors/validation-error.js";
import { LocalFile } from "./local-file.js";
import { describeNonImage, IMAGE_FORMATS, sniffImageType, sniffMediaType } from "./media-type.js";
import { refusedUrlString } from "./url-policy.js";

/**
 * What an `*_url` field accepts: an `https:` URL or `data:` URI string (`http:` to loopback only),
 * or an explicit local file: `fileFrom(path)`, a `file:` URL object, bytes or a Blob. A plain
 * string is never read from disk.
 */
export type FileInput = string | URL | Uint8Array | Blob | LocalFile;

/**
 * Turns every `*_url` / `*_urls` field (fal's convention for file inputs) into something the
 * API accepts: https URLs and data URIs pass through; local files, `file:` URLs, bytes and
 * Blobs are read and inlined as data URIs. Generic: no model's field names are known here.
 */
export type WithFileInputs<T> = {
  [K in keyof T]: K extends `${string}_url`
    ? Exclude<T[K], string> | FileInput
    : K extends `${string}_urls`
      ? FileInput[] | Extract<T[K], undefined>
      : T[K];
};

/** Default cap on one inlined file: larger bodies are refused by relays long before they are useful. */
export const DEFAULT_MAX_INLINE_BYTES = 10 * 1024 * 1024;

/** A file input could not be read or inlined: missing, unreadable, too large or of an unknown type. */
export class FileInputError extends ChainHubError {
  /** Always `"FileInputError"`. */
  override name = "FileInputError";
  /** The input field it concerns (`image_url`, `image_urls.1`), for callers that name it otherwise. */
  declare readonly field: string | undefined;

  constructor(
    message: string,
    options?: ErrorOptions & {
      /** The input field the file was given in. */
      field?: string;
    },
  ) {
    super(message, options);
    this.field = options?.field;
  }
}

/** fal's image fields: `image_url`, `mask_url`, `reference_image_urls`, ... */
const IMAGE_FIELD = /(^|_)(image|mask)_urls?$/;

/**
 * Resolves the file fields of an input. Strings that are not accepted URLs are collected and
 * thrown as one ValidationError before any file is read or any request sent.
 */
export async function resolveFileInputs<T extends Record<string, unknown>>(
  input: WithFileInputs<T>,
  operationId: string,
  maxBytes = DEFAULT_MAX_INLINE_BYTES,
): Promise<T> {
  const fields: [string, FileInput][] = [];
  for (const [key, value] of Object.entries(input)) {
    if (key.endsWith("_url") && value !== undefined && value !== null)
      fields.push([key, value as FileInput]);
    if (key.endsWith("_urls") && Array.isArray(value))
      value.forEach((item, i) => fields.push([`${key}.${i}`, item as FileInput]));
  }
  const issues: FieldIssue[] = fields.flatMap(([path, value]) => {
    const refusal = typeof value === "string" ? refusedUrlString(value) : refusedUrlObject(value);
    return refusal ? [{ path, message: refusal }] : [];
  });
  if (issues.length > 0) throw new ValidationError(operationId, issues);

  const resolved: Record<string, unknown> = { ...input };
  for (const [path, value] of fields) {
    const url = await toUrlString(value, path, maxBytes);
    const [key, index] = path.split(".");
    if (index === undefined) resolved[key!] = url;
    else {
      if (resolved[key!] === (input as Record<string, unknown>)[key!])
        resolved[key!] = [...(resolved[key!] as unknown[])];
      (resolved[key!] as unknown[])[Number(index)] = url;
    }
  }
  return resolved as T;
}

function refusedUrlObject(value: FileInput): string | undefined {
  if (!(value instanceof URL) || value.protocol === "file:") return undefined;
  return refusedUrlString(value.href);
}

async function toUrlString(value: FileInput, field: string, maxBytes: number): Promise<string> {
  if (typeof value === "string") return value; // already checked: a URL the API fetches itself
  if (value instanceof URL && value.protocol !== "file:") return value.href;
  if (value instanceof URL || LocalFile.is(value)) {
    const path =
      value instanceof URL
        ? (await nodeModule<typeof import("node:url")>("node:url")).fileURLToPath(value)
        : value.path;
    return readAsDataUri(path, field, maxBytes);
  }
  if (value instanceof Uint8Array) {
    checkIsImage(value, field, "the bytes");
    return toDataUri(value, sniffMediaType(value), field, maxBytes);
  }
  if (typeof Blob !== "undefined" && value instanceof Blob) {
    checkSize(value.size, field, maxBytes);
    const bytes = new Uint8Array(await value.arrayBuffer());
    checkIsImage(bytes, field, "the Blob");
    return toDataUri(bytes, value.type || sniffMediaType(bytes), field, maxBytes);
  }
  throw new FileInputError(
    `${field}: expected an https: URL, a data: URI, fileFrom(path), a file: URL, bytes or a Blob`,
    { field },
  );
}

async function readAsDataUri(path: string, field: string, maxBytes: number): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readAtMost(path, maxBytes, field);
  } catch (error) {
    if (error instanceof FileInputError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new FileInputError(
      `${field}: cannot read local file ${path} (${code}); pass an https: URL, a data: URI or an existing file`,
      { cause: error, field },
    );
  }
  checkIsImage(bytes, field, `file ${path}`);
  return toDataUri(bytes, sniffMediaType(bytes, path.split(/[\\/]/).pop()), field, maxBytes);
}

/**
 * The file's bytes, reading no more than one past the limit: a device or a pipe has no size to
 * check first (`/dev/zero`, `<(curl ...)`), and reading one whole could take all the memory.
 */
async function readAtMost(path: string, maxBytes: number, field: string): Promise<Uint8Array> {
  const { open } = await nodeModule<typeof import("node:fs/promises")>("node:fs/promises");
  const file = await open(path, "r");
  try {
    // A regular file says its size: one over the limit is refused before a byte is read.
    checkSize((await file.stat()).size, field, maxBytes, path);
    const chunks: Uint8Array[] = [];
    let total = 0;
    while (total <= maxBytes) {
      const chunk = new Uint8Array(Math.min(1024 * 1024, maxBytes + 1 - total));
      const { bytesRead } = await file.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
    }
    if (total > maxBytes)
      throw new FileInputError(
        `${field}: file ${path} is over the ${formatBytes(maxBytes)} limit for inline uploads; host it and pass its https URL instead`,
        { field },
      );
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.byteLength;
    }
    return bytes;
  } finally {
    await file.close();
  }
}

function toDataUri(bytes: Uint8Array, mediaType: string, field: string, maxBytes: number): string {
  checkSize(bytes.byteLength, field, maxBytes);
  return `data:${mediaType};base64,${toBase64(bytes)}`;
}

function checkSize(size: number, field: string, maxBytes: number, path?: string): void {
  if (size <= maxBytes) return;
  const what = path ? `file ${path}` : "input";
  throw new FileInputError(
    `${field}: ${what} is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit for inline uploads; host it and pass its https URL instead`,
    { field },
  );
}

/**
 * An image field gets an image, judged by its bytes rather than its name: a text file called
 * photo.png is refused here, before it is uploaded and a job is paid for.
 */
function checkIsImage(bytes: Uint8Array, field: string, what: string): void {
  if (!IMAGE_FIELD.test(field.split(".")[0]!) || sniffImageType(bytes)) return;
  throw new FileInputError(
    `${field}: ${what} is not an image (${describeNonImage(bytes)}; expected ${IMAGE_FORMATS}, recognised by their first bytes)`,
    { field },
  );
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MiB`
    : `${Math.ceil(bytes / 1024)} KiB`;
}
