import { encodeJpeg } from "./encode-jpeg.js";
import { encodePng } from "./encode-png.js";
import { renderPattern } from "./raster.js";

export interface ImageSpec {
  width: number;
  height: number;
  seed: number;
  format: "png" | "jpeg";
}

/**
 * Images the emulator has handed out, rendered on first download and kept while small. Sizes
 * follow fal's ~1 megapixel outputs for the requested aspect ratio.
 */
export class ImageStore {
  private readonly specs = new Map<string, ImageSpec>();
  private readonly rendered = new Map<string, Buffer>();

  register(name: string, spec: ImageSpec): void {
    this.specs.set(name, spec);
  }

  bytes(name: string): { bytes: Buffer; contentType: string } | undefined {
    const spec = this.specs.get(name);
    if (!spec) return undefined;
    let bytes = this.rendered.get(name);
    if (!bytes) {
      bytes = render(spec);
      if (this.rendered.size > 64) this.rendered.delete(this.rendered.keys().next().value!);
      this.rendered.set(name, bytes);
    }
    return { bytes, contentType: spec.format === "png" ? "image/png" : "image/jpeg" };
  }
}

export function render(spec: ImageSpec): Buffer {
  const raster = renderPattern(spec.width, spec.height, spec.seed);
  return spec.format === "png" ? encodePng(raster) : encodeJpeg(raster);
}

/** `"16:9"` -> 1360x768 at scale 1: about a megapixel, sides multiples of 16. */
export function dimensionsFor(
  aspectRatio: unknown,
  scale: number,
): { width: number; height: number } {
  const match = typeof aspectRatio === "string" ? /^(\d+):(\d+)$/.exec(aspectRatio) : null;
  const ratio = match ? Number(match[1]) / Number(match[2]) : 1;
  const area = 1024 * 1024 * scale * scale;
  const round16 = (n: number) => Math.max(16, Math.round(n / 16) * 16);
  const width = round16(Math.sqrt(area * ratio));
  return { width, height: round16(width / ratio) };
}
