import { inflateSync } from "node:zlib";
import type { Raster } from "./raster.js";

const MAX_RAW_BYTES = 64 * 1024 * 1024;

/** Channels per pixel by PNG colour type: grey, RGB, palette, grey+alpha, RGBA. */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/**
 * Decodes a non-interlaced PNG of any standard colour type and bit depth to RGB, transparency
 * composited over white. Hostile input is bounded: the pixel count is capped before anything is
 * allocated, and inflate may not write past the size the header promises.
 */
export function decodePng(bytes: Uint8Array, maxPixels: number): Raster {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 8;
  let header: { width: number; height: number; depth: number; type: number } | undefined;
  let palette: Uint8Array | undefined;
  let alphas: Uint8Array | undefined;
  const compressed: Buffer[] = [];
  while (offset + 8 <= data.length) {
    const length = data.readUInt32BE(offset);
    const type = data.toString("latin1", offset + 4, offset + 8);
    const body = data.subarray(offset + 8, offset + 8 + length);
    if (body.length !== length) throw new Error("the PNG is truncated");
    if (type === "IHDR") {
      header = {
        width: body.readUInt32BE(0),
        height: body.readUInt32BE(4),
        depth: body[8]!,
        type: body[9]!,
      };
      if (body[12] !== 0) throw new Error("interlaced PNGs are not decoded");
    } else if (type === "PLTE") palette = body;
    else if (type === "tRNS") alphas = body;
    else if (type === "IDAT") compressed.push(body);
    else if (type === "IEND") break;
    offset += 12 + length;
  }
  if (!header) throw new Error("the PNG has no IHDR chunk");
  const { width, height, depth, type } = header;
  const channels = CHANNELS[type];
  if (!channels || ![1, 2, 4, 8, 16].includes(depth)) throw new Error("unknown PNG pixel format");
  if (width === 0 || height === 0 || width * height > maxPixels)
    throw new Error(`a ${width}x${height} PNG is over the emulator's ${maxPixels}-pixel limit`);
  if (type === 3 && !palette) throw new Error("the PNG has no palette");
  const stride = Math.ceil((width * channels * depth) / 8);
  // 16-bit RGBA is 8 bytes a pixel: the raw rows are capped too, not only the pixel count.
  if ((stride + 1) * height > MAX_RAW_BYTES)
    throw new Error(`a ${width}x${height} ${depth}-bit PNG is over the emulator's size limit`);
  const raw = inflateSync(Buffer.concat(compressed), { maxOutputLength: (stride + 1) * height });
  if (raw.length < (stride + 1) * height) throw new Error("the PNG's image data is short");
  const rows = unfilter(raw, stride, height, Math.max(1, (channels * depth) >> 3));
  return toRgb(rows, { width, height, depth, type, channels, stride, palette, alphas });
}

/** Undoes the per-row filters (None, Sub, Up, Average, Paeth) in place. */
function unfilter(raw: Buffer, stride: number, height: number, bpp: number): Buffer {
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = y * (stride + 1) + 1;
    const at = y * stride;
    for (let x = 0; x < stride; x++) {
      const left = x >= bpp ? out[at + x - bpp]! : 0;
      const up = y > 0 ? out[at - stride + x]! : 0;
      const upLeft = y > 0 && x >= bpp ? out[at - stride + x - bpp]! : 0;
      const predictor =
        filter === 0
          ? 0
          : filter === 1
            ? left
            : filter === 2
              ? up
              : filter === 3
                ? (left + up) >> 1
                : filter === 4
                  ? paeth(left, up, upLeft)
                  : Number.NaN;
      if (Number.isNaN(predictor)) throw new Error(`unknown PNG row filter ${filter}`);
      out[at + x] = (raw[line + x]! + predictor) & 255;
    }
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a),
    pb = Math.abs(p - b),
    pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

interface Layout {
  width: number;
  height: number;
  depth: number;
  type: number;
  channels: number;
  stride: number;
  palette: Uint8Array | undefined;
  alphas: Uint8Array | undefined;
}

function toRgb(rows: Buffer, layout: Layout): Raster {
  const { width, height, depth, type, channels, stride, palette, alphas } = layout;
  const max = (1 << depth) - 1;
  const pixels = new Uint8Array(width * height * 3);
  // One sample as 0-255 (16-bit samples keep their high byte; palette indexes stay raw).
  const sample = (row: number, index: number): number => {
    if (depth === 16) return rows[row + index * 2]!;
    if (depth === 8) return rows[row + index]!;
    const bit = index * depth;
    const value = (rows[row + (bit >> 3)]! >> (8 - depth - (bit & 7))) & max;
    return type === 3 ? value : Math.round((value * 255) / max);
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const first = x * channels;
      let rgb: [number, number, number];
      let alpha = 255;
      if (type === 3) {
        const index = sample(y * stride, first);
        rgb = [
          palette![index * 3] ?? 0,
          palette![index * 3 + 1] ?? 0,
          palette![index * 3 + 2] ?? 0,
        ];
        alpha = alphas?.[index] ?? 255;
      } else if (type === 0 || type === 4) {
        const grey = sample(y * stride, first);
        rgb = [grey, grey, grey];
        if (type === 4) alpha = sample(y * stride, first + 1);
      } else {
        rgb = [0, 1, 2].map((c) => sample(y * stride, first + c)) as [number, number, number];
        if (type === 6) alpha = sample(y * stride, first + 3);
      }
      const i = (y * width + x) * 3;
      for (let c = 0; c < 3; c++)
        pixels[i + c] = Math.round((rgb[c]! * alpha + 255 * (255 - alpha)) / 255);
    }
  }
  return { width, height, pixels };
}
