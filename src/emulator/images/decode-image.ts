import jpeg from "jpeg-js";
import { sniffMediaType } from "../../files/media-type.js";
import { decodePng } from "./decode-png.js";
import type { Raster } from "./raster.js";

/**
 * The largest input the emulator decodes: 4096x4096, about 50 MB of RGB. Enough for any photo a
 * test sends, and a cap on what a hostile header can make it allocate.
 */
export const MAX_INPUT_PIXELS = 4096 * 4096;

export type DecodedImage =
  { ok: true; raster: Raster; format: string } | { ok: false; format: string; reason: string };

/**
 * Decodes an input image by its bytes: PNG (own decoder on node:zlib) and JPEG (jpeg-js, pure
 * JavaScript). WebP and GIF are recognised but not decoded: no maintained pure-JS WebP decoder
 * exists, and a WebAssembly one is too heavy for a test server.
 */
export function decodeImage(bytes: Uint8Array): DecodedImage {
  const mediaType = sniffMediaType(bytes);
  const format = mediaType.startsWith("image/") ? mediaType.slice(6).toUpperCase() : "unknown";
  try {
    if (format === "PNG") return { ok: true, raster: decodePng(bytes, MAX_INPUT_PIXELS), format };
    if (format === "JPEG") {
      const decoded = jpeg.decode(bytes, {
        useTArray: true,
        formatAsRGBA: false,
        maxResolutionInMP: MAX_INPUT_PIXELS / 1_000_000,
        maxMemoryUsageInMB: 256,
      });
      return {
        ok: true,
        raster: { width: decoded.width, height: decoded.height, pixels: decoded.data },
        format,
      };
    }
  } catch (error) {
    return {
      ok: false,
      format,
      reason: `the ${format} could not be decoded (${(error as Error).message})`,
    };
  }
  return {
    ok: false,
    format,
    reason:
      format === "unknown"
        ? "its bytes are not an image the emulator knows"
        : `the emulator does not decode ${format}`,
  };
}
