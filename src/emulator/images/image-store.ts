import jpeg from "jpeg-js";
import { applyEdit, editLookFor } from "./apply-edit.js";
import { decodeImage } from "./decode-image.js";
import { encodeJpeg } from "./encode-jpeg.js";
import { encodePng } from "./encode-png.js";
import { fitRaster } from "./fit-raster.js";
import { renderPattern, type Raster } from "./raster.js";

export interface ImageSpec {
  width: number;
  height: number;
  seed: number;
  format: "png" | "jpeg";
  /** The input picture this image is an edit of, keyed by prompt and seed; absent: the pattern. */
  edit?: { load: () => Uint8Array | undefined; prompt: string };
  /** What the result's `emulated` note said about it, so later fetches say the same. */
  note?: string;
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

  spec(name: string): ImageSpec | undefined {
    return this.specs.get(name);
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

/** Encodes an image: the edited input when there is one that decodes, the seed's pattern otherwise. */
export function render(spec: ImageSpec, decodedInput?: Raster): Buffer {
  const input = decodedInput ?? decodeEditInput(spec);
  if (!input || !spec.edit) {
    const raster = renderPattern(spec.width, spec.height, spec.seed);
    return spec.format === "png" ? encodePng(raster) : encodeJpeg(raster);
  }
  const edited = applyEdit(
    fitRaster(input, spec.width, spec.height),
    editLookFor(spec.edit.prompt, spec.seed),
  );
  if (spec.format === "png") return encodePng(edited);
  // A photo needs real JPEG coding: the pattern encoder keeps only each 8x8 block's mean.
  return jpeg.encode({ width: edited.width, height: edited.height, data: toRgba(edited) }, 90).data;
}

function decodeEditInput(spec: ImageSpec): Raster | undefined {
  const bytes = spec.edit?.load();
  if (!bytes) return undefined;
  const decoded = decodeImage(bytes);
  return decoded.ok ? decoded.raster : undefined;
}

function toRgba({ width, height, pixels }: Raster): Uint8Array {
  const out = new Uint8Array(width * height * 4);
  for (let i = 0, j = 0; i < pixels.length; i += 3, j += 4) {
    out[j] = pixels[i]!;
    out[j + 1] = pixels[i + 1]!;
    out[j + 2] = pixels[i + 2]!;
    out[j + 3] = 255;
  }
  return out;
}

/**
 * `"16:9"` -> 1360x768 at scale 1: about a megapixel, sides multiples of 16. With no ratio given,
 * `fallbackRatio` (an input image's own shape, as fal's editing models keep it), else square.
 */
export function dimensionsFor(
  aspectRatio: unknown,
  scale: number,
  fallbackRatio = 1,
): { width: number; height: number } {
  const match = typeof aspectRatio === "string" ? /^(\d+):(\d+)$/.exec(aspectRatio) : null;
  const asked = match ? Number(match[1]) / Number(match[2]) : fallbackRatio;
  // A hostile "1:0" or a 1x4000 input must not ask for an unbounded side.
  const ratio = Number.isFinite(asked) && asked > 0 ? Math.min(8, Math.max(1 / 8, asked)) : 1;
  const area = 1024 * 1024 * scale * scale;
  const round16 = (n: number) => Math.max(16, Math.round(n / 16) * 16);
  const width = round16(Math.sqrt(area * ratio));
  return { width, height: round16(width / ratio) };
}
