import { ChainHubError } from "../errors/chainhub-error.js";
import { fromBase64 } from "../internal/base64.js";
import { followSignals } from "../internal/follow-signals.js";
import { nodeModule } from "../internal/node-only.js";
import { extensionFor } from "./media-type.js";

/** Options of {@link saveImages}. */
export interface SaveImagesOptions {
  /** File names are `<prefix>-<index>.<ext>`. @default "image" */
  prefix?: string;
  /** The fetch used for downloads; it never receives the API key. @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Stops the downloads; files already written stay. */
  signal?: AbortSignal;
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
  for (const [index, image] of result.images.entries()) {
    const { bytes, contentType } = await download(image.url, image.content_type, fetchImpl, signal);
    const path = `${directory.replace(/[\\/]+$/, "")}/${prefix}-${index}.${extensionFor(contentType)}`;
    const partial = `${path}.partial`;
    await writeFile(partial, bytes);
    await rename(partial, path);
    saved.push({ path, contentType, bytes: bytes.byteLength });
  }
  return saved;
}

async function download(
  url: string,
  declared: string | undefined,
  fetchImpl: typeof fetch,
  signal?: AbortSignal,
) {
  const inline = /^data:([^;,]+)?(;base64)?,(.*)$/s.exec(url);
  if (inline) {
    const body = inline[3] ?? "";
    const bytes = inline[2] ? fromBase64(body) : new TextEncoder().encode(decodeURIComponent(body));
    return { bytes, contentType: inline[1] ?? declared ?? "application/octet-stream" };
  }
  const init: RequestInit = { redirect: "follow" };
  if (signal) init.signal = signal;
  const response = await fetchImpl(url, init);
  if (!response.ok)
    throw new ChainHubError(
      `downloading ${new URL(url).pathname} failed: ${response.status} ${response.statusText}`,
    );
  const bytes = new Uint8Array(await response.arrayBuffer());
  return {
    bytes,
    contentType: response.headers.get("content-type") ?? declared ?? "application/octet-stream",
  };
}
