import { createHash } from "node:crypto";
import type { Raster } from "./raster.js";

/** What the emulator "did" to a picture: chosen by prompt and seed, so each edit is repeatable. */
export interface EditLook {
  /** The colour the picture is washed towards. */
  tint: [number, number, number];
  /** Top of a horizontal band painted in the tint, as a fraction of the height. */
  bandTop: number;
}

/** A tint of 30% and a band of 8% of the height: plainly edited, still plainly the same picture. */
const TINT_STRENGTH = 0.3;
const BAND_STRENGTH = 0.6;
const BAND_HEIGHT = 0.08;

export function editLookFor(prompt: string, seed: number): EditLook {
  const hash = createHash("sha256").update(`${seed}\u0000${prompt}`).digest();
  const hue = hash.readUInt16BE(0) / 65536;
  return { tint: hueToRgb(hue), bandTop: 0.1 + (hash[2]! / 255) * (0.9 - BAND_HEIGHT - 0.1) };
}

/** Washes the picture towards the tint and paints a translucent band across it. */
export function applyEdit(raster: Raster, look: EditLook): Raster {
  const { width, height } = raster;
  const pixels = new Uint8Array(raster.pixels.length);
  const bandStart = Math.floor(look.bandTop * height);
  const bandEnd = bandStart + Math.max(1, Math.round(BAND_HEIGHT * height));
  for (let y = 0; y < height; y++) {
    const strength = y >= bandStart && y < bandEnd ? BAND_STRENGTH : TINT_STRENGTH;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      for (let c = 0; c < 3; c++)
        pixels[i + c] = Math.round(
          raster.pixels[i + c]! * (1 - strength) + look.tint[c]! * strength,
        );
    }
  }
  return { width, height, pixels };
}

/** A saturated colour around the hue circle (HSV with full saturation and value). */
function hueToRgb(hue: number): [number, number, number] {
  const sector = hue * 6;
  const rising = Math.round((sector % 1) * 255);
  const falling = 255 - rising;
  const table: [number, number, number][] = [
    [255, rising, 0],
    [falling, 255, 0],
    [0, 255, rising],
    [0, falling, 255],
    [rising, 0, 255],
    [255, 0, falling],
  ];
  return table[Math.floor(sector) % 6]!;
}
