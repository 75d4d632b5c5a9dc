import type { Raster } from "./raster.js";

/**
 * Fits a picture to a new size as fal's models do with `aspect_ratio`: crop the centre to the
 * target's aspect ratio (cover), then resample. Shrinking averages every source pixel a target
 * pixel covers, so a large photo does not alias; growing interpolates bilinearly.
 */
export function fitRaster(source: Raster, width: number, height: number): Raster {
  const targetRatio = width / height;
  let cropWidth = source.width;
  let cropHeight = source.height;
  if (source.width / source.height > targetRatio) cropWidth = source.height * targetRatio;
  else cropHeight = source.width / targetRatio;
  const left = (source.width - cropWidth) / 2;
  const top = (source.height - cropHeight) / 2;
  const scaleX = cropWidth / width;
  const scaleY = cropHeight / height;
  const pixels = new Uint8Array(width * height * 3);
  const sum = [0, 0, 0];
  for (let y = 0; y < height; y++) {
    const y0 = top + y * scaleY;
    for (let x = 0; x < width; x++) {
      const x0 = left + x * scaleX;
      const out = (y * width + x) * 3;
      if (scaleX >= 1 && scaleY >= 1) {
        averageBox(source, x0, y0, x0 + scaleX, y0 + scaleY, sum);
      } else {
        sampleBilinear(source, x0 + scaleX / 2 - 0.5, y0 + scaleY / 2 - 0.5, sum);
      }
      pixels[out] = sum[0]!;
      pixels[out + 1] = sum[1]!;
      pixels[out + 2] = sum[2]!;
    }
  }
  return { width, height, pixels };
}

/** Mean colour of the source pixels whose centres fall in [x0, x1) x [y0, y1) (at least one). */
function averageBox(source: Raster, x0: number, y0: number, x1: number, y1: number, out: number[]) {
  const xs = Math.min(Math.floor(x0), source.width - 1);
  const ys = Math.min(Math.floor(y0), source.height - 1);
  const xe = Math.max(xs + 1, Math.min(Math.round(x1), source.width));
  const ye = Math.max(ys + 1, Math.min(Math.round(y1), source.height));
  let r = 0,
    g = 0,
    b = 0;
  for (let y = ys; y < ye; y++) {
    for (let x = xs; x < xe; x++) {
      const i = (y * source.width + x) * 3;
      r += source.pixels[i]!;
      g += source.pixels[i + 1]!;
      b += source.pixels[i + 2]!;
    }
  }
  const count = (xe - xs) * (ye - ys);
  out[0] = Math.round(r / count);
  out[1] = Math.round(g / count);
  out[2] = Math.round(b / count);
}

function sampleBilinear(source: Raster, x: number, y: number, out: number[]) {
  const cx = Math.min(Math.max(x, 0), source.width - 1);
  const cy = Math.min(Math.max(y, 0), source.height - 1);
  const x0 = Math.floor(cx),
    y0 = Math.floor(cy);
  const x1 = Math.min(x0 + 1, source.width - 1),
    y1 = Math.min(y0 + 1, source.height - 1);
  const fx = cx - x0,
    fy = cy - y0;
  for (let c = 0; c < 3; c++) {
    const at = (px: number, py: number) => source.pixels[(py * source.width + px) * 3 + c]!;
    const top = at(x0, y0) * (1 - fx) + at(x1, y0) * fx;
    const bottom = at(x0, y1) * (1 - fx) + at(x1, y1) * fx;
    out[c] = Math.round(top * (1 - fy) + bottom * fy);
  }
}
