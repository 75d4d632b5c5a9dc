import type { Raster } from "./raster.js";

/**
 * A baseline JFIF encoder that codes each 8x8 block by its average colour (DC term only, every
 * AC term zero). Enough for the emulator's block pattern, which it reproduces exactly, in
 * about a hundred lines instead of a dependency: the output is a standard JPEG any decoder reads.
 */
export function encodeJpeg({ width, height, pixels }: Raster): Buffer {
  const out = new ByteWriter();
  out.bytes([0xff, 0xd8]); // SOI
  out.segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]); // APP0 JFIF 1.1
  out.segment(0xdb, [0x00, ...new Array<number>(64).fill(QUANT)]); // one quantization table
  out.segment(0xc0, [
    8,
    height >> 8,
    height & 255,
    width >> 8,
    width & 255,
    3,
    1,
    0x11,
    0,
    2,
    0x11,
    0,
    3,
    0x11,
    0,
  ]);
  out.segment(0xc4, [0x00, ...DC_BITS, ...DC_VALUES]); // DC table 0
  out.segment(0xc4, [0x10, ...AC_BITS, ...AC_VALUES]); // AC table 0: only end-of-block
  out.segment(0xda, [3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0]);
  const bits = new BitWriter(out);
  const previous = [0, 0, 0];
  for (let by = 0; by < height; by += 8) {
    for (let bx = 0; bx < width; bx += 8) {
      const means = blockMeans(pixels, width, height, bx, by);
      for (let c = 0; c < 3; c++) {
        const dc = Math.round(((means[c]! - 128) * 8) / QUANT);
        encodeDc(bits, dc - previous[c]!);
        previous[c] = dc;
        bits.write(AC_EOB.code, AC_EOB.length);
      }
    }
  }
  bits.flush();
  out.bytes([0xff, 0xd9]); // EOI
  return Buffer.from(out.data);
}

const QUANT = 8;
/** The standard luminance DC table (JPEG Annex K.3). */
const DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const DC_VALUES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
/** A one-symbol table: code "00" means end of block. */
const AC_BITS = [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
const AC_VALUES = [0x00];
const AC_EOB = { code: 0b00, length: 2 };
const DC_CODES = canonicalCodes(DC_BITS, DC_VALUES);

/** Average Y, Cb, Cr of one block (edge blocks repeat their last row and column). */
function blockMeans(
  pixels: Uint8Array,
  width: number,
  height: number,
  bx: number,
  by: number,
): [number, number, number] {
  let y = 0,
    cb = 0,
    cr = 0;
  for (let dy = 0; dy < 8; dy++) {
    const py = Math.min(by + dy, height - 1);
    for (let dx = 0; dx < 8; dx++) {
      const i = (py * width + Math.min(bx + dx, width - 1)) * 3;
      const r = pixels[i]!,
        g = pixels[i + 1]!,
        b = pixels[i + 2]!;
      y += 0.299 * r + 0.587 * g + 0.114 * b;
      cb += 128 - 0.168736 * r - 0.331264 * g + 0.5 * b;
      cr += 128 + 0.5 * r - 0.418688 * g - 0.081312 * b;
    }
  }
  return [y / 64, cb / 64, cr / 64];
}

function encodeDc(bits: BitWriter, diff: number): void {
  const magnitude = Math.abs(diff);
  const category = magnitude === 0 ? 0 : Math.floor(Math.log2(magnitude)) + 1;
  const code = DC_CODES.get(category)!;
  bits.write(code.code, code.length);
  if (category > 0) bits.write(diff > 0 ? diff : diff + (1 << category) - 1, category);
}

/** Huffman codes from a JPEG BITS/HUFFVAL pair (JPEG Annex C). */
function canonicalCodes(
  counts: number[],
  values: number[],
): Map<number, { code: number; length: number }> {
  const codes = new Map<number, { code: number; length: number }>();
  let code = 0;
  let k = 0;
  counts.forEach((count, index) => {
    for (let i = 0; i < count; i++) codes.set(values[k++]!, { code: code++, length: index + 1 });
    code <<= 1;
  });
  return codes;
}

class ByteWriter {
  readonly data: number[] = [];
  bytes(values: number[]): void {
    for (const v of values) this.data.push(v);
  }
  segment(marker: number, payload: number[]): void {
    const length = payload.length + 2;
    this.bytes([0xff, marker, length >> 8, length & 255, ...payload]);
  }
}

class BitWriter {
  private buffer = 0;
  private count = 0;
  constructor(private readonly out: ByteWriter) {}

  write(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) {
      this.buffer = (this.buffer << 1) | ((value >> i) & 1);
      if (++this.count === 8) this.emit();
    }
  }

  /** Pads the last byte with ones, as the standard asks. */
  flush(): void {
    while (this.count !== 0) this.write(1, 1);
  }

  private emit(): void {
    this.out.data.push(this.buffer);
    if (this.buffer === 0xff) this.out.data.push(0x00); // byte stuffing
    this.buffer = 0;
    this.count = 0;
  }
}
