import jpeg from "jpeg-js";
import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { dimensionsFor, render } from "../../../src/emulator/images/image-store.js";

describe("emulator images", () => {
  it("are JPEGs an independent decoder reads back at the requested size", () => {
    const bytes = render({ width: 320, height: 176, seed: 7, format: "jpeg" });
    const decoded = jpeg.decode(bytes, { useTArray: true });
    expect([decoded.width, decoded.height]).toEqual([320, 176]);
  });

  it("are PNGs whose IHDR and image data are consistent", () => {
    const bytes = render({ width: 64, height: 32, seed: 7, format: "png" });
    expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([64, 32]);
    const idatLength = bytes.readUInt32BE(33);
    expect(bytes.subarray(37, 41).toString("ascii")).toBe("IDAT");
    expect(inflateSync(bytes.subarray(41, 41 + idatLength)).length).toBe((64 * 3 + 1) * 32);
  });

  it("are deterministic by seed and differ between seeds", () => {
    const spec = { width: 64, height: 64, format: "png" } as const;
    expect(render({ ...spec, seed: 1 }).equals(render({ ...spec, seed: 1 }))).toBe(true);
    expect(render({ ...spec, seed: 1 }).equals(render({ ...spec, seed: 2 }))).toBe(false);
  });

  it("take their shape from the aspect ratio", () => {
    expect(dimensionsFor("16:9", 1)).toEqual({ width: 1360, height: 768 });
    expect(dimensionsFor("9:21", 1)).toEqual({ width: 672, height: 1568 });
    expect(dimensionsFor(undefined, 0.25)).toEqual({ width: 256, height: 256 });
  });
});
