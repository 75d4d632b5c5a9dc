import { decodeImage } from "./decode-image.js";
import type { Raster } from "./raster.js";

/** The picture an operation edits, as far as the emulator could read it. */
export interface InputImage {
  /** The input field it came from, e.g. `image_url`. */
  field: string;
  /** Its bytes, read again when an output is rendered (the job's input keeps the only copy). */
  load: () => Uint8Array | undefined;
  /** The decoded picture, or why there is none (then outputs are the synthetic pattern). */
  raster?: Raster;
  /** What the emulator made of it, for the result's `emulated` note. */
  description: string;
}

/** Reads the emulator's own files by URL: its CDN's `/files/<name>`. */
export type OwnFiles = (url: string) => Uint8Array | undefined;

/**
 * Finds the first image input (`image_url`, `*_image_url`, or the first of `image_urls`) and reads
 * it without any network: a `data:` URI, or a file the emulator itself serves. Any other URL
 * cannot be fetched here (the emulator is offline by design), and the description says so.
 */
export function readInputImage(
  input: Record<string, unknown>,
  ownFiles: OwnFiles,
): InputImage | undefined {
  const found = findImageField(input);
  if (!found) return undefined;
  const { field, url } = found;
  const load = () => (url.startsWith("data:") ? dataUriBytes(url) : ownFiles(url));
  const bytes = load();
  if (!bytes) {
    const shown = url.startsWith("data:") ? "a data: URI" : url.slice(0, 120);
    const why = url.startsWith("data:")
      ? "it is not a well-formed data: URI"
      : "the emulator reads only data: URIs and its own files, never the network";
    return { field, load, description: `${field} (${shown}) was not read: ${why}` };
  }
  const decoded = decodeImage(bytes);
  if (!decoded.ok) return { field, load, description: `${field} was not used: ${decoded.reason}` };
  const { width, height } = decoded.raster;
  return {
    field,
    load,
    raster: decoded.raster,
    description: `${field} (a ${width}x${height} ${decoded.format})`,
  };
}

function findImageField(
  input: Record<string, unknown>,
): { field: string; url: string } | undefined {
  for (const [field, value] of Object.entries(input)) {
    if (/(^|_)image_url$/.test(field) && typeof value === "string") return { field, url: value };
    if (/(^|_)image_urls$/.test(field) && Array.isArray(value) && typeof value[0] === "string")
      return { field: `${field}[0]`, url: value[0] };
  }
  return undefined;
}

/** The bytes of a `data:` URI (base64 or percent-encoded), or undefined when it is malformed. */
export function dataUriBytes(uri: string): Uint8Array | undefined {
  const comma = uri.indexOf(",");
  if (comma < 0) return undefined;
  const meta = uri.slice(5, comma);
  const payload = uri.slice(comma + 1);
  if (/;base64$/i.test(meta)) {
    if (!/^[A-Za-z0-9+/=\s]*$/.test(payload)) return undefined;
    return Buffer.from(payload, "base64");
  }
  try {
    return Buffer.from(decodeURIComponent(payload), "latin1");
  } catch {
    return undefined;
  }
}
