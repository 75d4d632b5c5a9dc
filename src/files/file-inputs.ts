import { ChainHubError } from "../errors/chainhub-error.js";
import { nodeModule, toBase64 } from "../internal/node-only.js";
import { sniffMediaType } from "./media-type.js";

/** What an `*_url` field accepts: a URL or data URI string, a local path, bytes, a Blob or a `file:` URL. */
export type FileInput = string | URL | Uint8Array | Blob;

/**
 * Turns every `*_url` / `*_urls` field (fal's convention for file inputs) into something the
 * API accepts: https URLs and data URIs pass through; local paths, `file:` URLs, bytes and
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

export class FileInputError extends ChainHubError {
  override name = "FileInputError";
}

export async function resolveFileInputs<T extends Record<string, unknown>>(
  input: WithFileInputs<T>,
  maxBytes = DEFAULT_MAX_INLINE_BYTES,
): Promise<T> {
  const resolved: Record<string, unknown> = { ...input };
  for (const [key, value] of Object.entries(input)) {
    if (key.endsWith("_url") && value !== undefined)
      resolved[key] = await toUrlString(value as FileInput, key, maxBytes);
    if (key.endsWith("_urls") && Array.isArray(value)) {
      resolved[key] = await Promise.all(
        value.map((v, i) => toUrlString(v as FileInput, `${key}.${i}`, maxBytes)),
      );
    }
  }
  return resolved as T;
}

const REMOTE = /^(https?:|data:)/i;

async function toUrlString(value: FileInput, field: string, maxBytes: number): Promise<string> {
  if (typeof value === "string" && REMOTE.test(value)) return value;
  if (value instanceof URL && value.protocol !== "file:") return value.href;
  if (typeof value === "string" || value instanceof URL) {
    const path =
      value instanceof URL
        ? (await nodeModule<typeof import("node:url")>("node:url")).fileURLToPath(value)
        : value;
    return readAsDataUri(path, field, maxBytes);
  }
  if (value instanceof Uint8Array) return toDataUri(value, sniffMediaType(value), field, maxBytes);
  if (typeof Blob !== "undefined" && value instanceof Blob) {
    checkSize(value.size, field, maxBytes);
    const bytes = new Uint8Array(await value.arrayBuffer());
    return toDataUri(bytes, value.type || sniffMediaType(bytes), field, maxBytes);
  }
  throw new FileInputError(`${field}: expected a URL, a file path, bytes or a Blob`);
}

async function readAsDataUri(path: string, field: string, maxBytes: number): Promise<string> {
  const { readFile, stat } =
    await nodeModule<typeof import("node:fs/promises")>("node:fs/promises");
  let bytes: Uint8Array;
  try {
    checkSize((await stat(path)).size, field, maxBytes, path);
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof FileInputError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new FileInputError(
      `${field}: cannot read local file ${path} (${code}); pass an https URL, a data URI or an existing file`,
      { cause: error },
    );
  }
  return toDataUri(bytes, sniffMediaType(bytes, path.split(/[\\/]/).pop()), field, maxBytes);
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
  );
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MiB`
    : `${Math.ceil(bytes / 1024)} KiB`;
}
