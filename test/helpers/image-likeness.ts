import type { Raster } from "../../src/emulator/images/raster.js";

/** A small grayscale version of a picture (box average), to compare pictures as a person would. */
export function grayThumbnail(raster: Raster, width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height);
  for (let ty = 0; ty < height; ty++) {
    for (let tx = 0; tx < width; tx++) {
      const x0 = Math.floor((tx * raster.width) / width);
      const x1 = Math.max(x0 + 1, Math.floor(((tx + 1) * raster.width) / width));
      const y0 = Math.floor((ty * raster.height) / height);
      const y1 = Math.max(y0 + 1, Math.floor(((ty + 1) * raster.height) / height));
      let sum = 0;
      for (let y = y0; y < y1; y++)
        for (let x = x0; x < x1; x++) {
          const i = (y * raster.width + x) * 3;
          sum +=
            0.299 * raster.pixels[i]! +
            0.587 * raster.pixels[i + 1]! +
            0.114 * raster.pixels[i + 2]!;
        }
      out[ty * width + tx] = Math.round(sum / ((x1 - x0) * (y1 - y0)));
    }
  }
  return out;
}

export function meanAbsoluteDifference(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) throw new Error(`sizes differ: ${a.length} vs ${b.length}`);
  let total = 0;
  for (let i = 0; i < a.length; i++) total += Math.abs(a[i]! - b[i]!);
  return total / a.length;
}

/**
 * How alike two thumbnails are in structure: their correlation, from -1 to 1. A tint (a uniform
 * change of brightness or contrast) leaves it near 1 whatever its colour, where the mean absolute
 * difference moves with the tint's brightness; an unrelated picture lands near 0.
 */
export function likeness(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) throw new Error(`sizes differ: ${a.length} vs ${b.length}`);
  const mean = (v: Uint8Array) => v.reduce((sum, x) => sum + x, 0) / v.length;
  const [ma, mb] = [mean(a), mean(b)];
  let cross = 0;
  let varA = 0;
  let varB = 0;
  for (let i = 0; i < a.length; i++) {
    const [da, db] = [a[i]! - ma, b[i]! - mb];
    cross += da * db;
    varA += da * da;
    varB += db * db;
  }
  return varA === 0 || varB === 0 ? 0 : cross / Math.sqrt(varA * varB);
}
