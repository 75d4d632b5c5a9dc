/**
 * A deterministic test picture: colour blocks of 8x8 pixels whose palette depends on the seed.
 * Block-sized detail means the JPEG encoder can represent it exactly with DC terms only, so PNG
 * and JPEG outputs show the same picture.
 */
export interface Raster {
  width: number;
  height: number;
  /** RGB triples, row by row. */
  pixels: Uint8Array;
}

export function renderPattern(width: number, height: number, seed: number): Raster {
  const [r0, g0, b0] = palette(seed);
  const pixels = new Uint8Array(width * height * 3);
  const blocksX = Math.ceil(width / 8);
  const blocksY = Math.ceil(height / 8);
  for (let y = 0; y < height; y++) {
    const by = y >> 3;
    for (let x = 0; x < width; x++) {
      const bx = x >> 3;
      const i = (y * width + x) * 3;
      pixels[i] = (r0 + Math.floor((bx * 255) / blocksX)) & 255;
      pixels[i + 1] = (g0 + Math.floor((by * 255) / blocksY)) & 255;
      pixels[i + 2] = (b0 + ((bx ^ by) & 31) * 4) & 255;
    }
  }
  return { width, height, pixels };
}

/** Three bytes from a seed, mixed so nearby seeds look different. */
function palette(seed: number): [number, number, number] {
  let h = (seed >>> 0) ^ 0x9e3779b9;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return [h & 255, (h >>> 8) & 255, (h >>> 16) & 255];
}
