import { ChainHubError } from "../errors/chainhub-error.js";
import { fromBase64 } from "../internal/base64.js";
import { followSignals } from "../internal/follow-signals.js";
import { nodeModule } from "../internal/node-only.js";
import type { RetryEvent } from "../internal/retry-loop.js";
import { DEFAULT_RETRY, type RetryOptions } from "../internal/retry-policy.js";
import { downloadFile, type DownloadOptions } from "./download-file.js";
import { extensionFor } from "./media-type.js";

/** Options of {@link saveImages}. */
export interface SaveImagesOptions {
  /** File names are `<prefix>-<index>.<ext>`. @default "image" */
  prefix?: string;
  /** The fetch used for downloads; it never receives the API key. @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Stops the downloads; files already written stay. */
  signal?: AbortSignal;
  /**
   * Retries of each download after its first attempt: resets, 408, 429, 5xx and bodies cut short
   * are retried, as the client retries its reads. @default 3
   */
  maxRetries?: number;
  /** Backoff of those retries. @default see {@link RetryOptions} */
  retry?: Partial<RetryOptions>;
  /** Called before each retry of a download. */
  onRetry?: (event: RetryEvent) => void;
}

/** One image written to disk. */
export interface SavedImage {
  /** Where the image was written. */
  path: string;
  /** The media type the CDN answered with, e.g. `image/jpeg`. */
  contentType: string;
  /** Size of the written file in bytes. */
  bytes: number;
}

/**
 * Downloads every image of a result (`{ images: [{ url, content_type? }] }`) into a folder.
 * Results expire upstream, so save them. Downloads carry no Authorization header: image CDNs are
 * other hosts, and the key must never reach them. Each file is written to a temp name and
 * renamed, so a folder never holds half an image.
 */
export async function saveImages(
  result: { images: readonly { url: string; content_type?: string }[] },
  directory: string,
  options: SaveImagesOptions = {},
): Promise<SavedImage[]> {
  const { mkdir, rename, writeFile } =
    await nodeModule<typeof import("node:fs/promises")>("node:fs/promises");
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const prefix = options.prefix ?? "image";
  // The prefix is a file name, often built from a request id a relay chose: never a path.
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(prefix))
    throw new ChainHubError(
      `saveImages: prefix "${prefix.slice(0, 40)}" must be letters, digits, ".", "_" or "-"`,
    );
  await mkdir(directory, { recursive: true });
  const saved: SavedImage[] = [];
  // The call's own: the caller's may be shared by many saves at once (see followSignals).
  const signal = options.signal && followSignals([options.signal]);
  const retry = {
    ...DEFAULT_RETRY,
    ...options.retry,
    ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
  };
  for (const [index, image] of result.images.entries()) {
    const { bytes, contentType } =
      decodeDataUri(image.url, image.content_type) ??
      (await downloadImage(
        image,
        { fetch: fetchImpl, retry, onRetry: options.onRetry, signal },
        {
          index,
          directory,
        },
      ));
    const path = `${directory.replace(/[\\/]+$/, "")}/${prefix}-${index}.${extensionFor(contentType)}`;
    const partial = `${path}.partial`;
    await writeFile(partial, bytes);
    await rename(partial, path);
    saved.push({ path, contentType, bytes: bytes.byteLength });
  }
  return saved;
}

/** A `data:` URI's bytes and type, decoded here: nothing to download. */
function decodeDataUri(
  url: string,
  declared: string | undefined,
): { bytes: Uint8Array; contentType: string } | undefined {
  const inline = /^data:([^;,]+)?(;base64)?,(.*)$/s.exec(url);
  if (!inline) return undefined;
  const body = inline[3] ?? "";
  const bytes = inline[2] ? fromBase64(body) : new TextEncoder().encode(decodeURIComponent(body));
  return { bytes, contentType: inline[1] ?? declared ?? "application/octet-stream" };
}

async function downloadImage(
  image: { url: string; content_type?: string },
  options: Omit<DownloadOptions, "purpose">,
  at: { index: number; directory: string },
): Promise<{ bytes: Uint8Array; contentType: string }> {
  const purpose = `image ${at.index} of the result, for ${at.directory}`;
  const file = await downloadFile(image.url, { ...options, purpose });
  const contentType = file.contentType ?? image.content_type ?? "application/octet-stream";
  return { bytes: file.bytes, contentType };
}
