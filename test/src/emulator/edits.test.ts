import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeImage } from "../../../src/emulator/images/decode-image.js";
import { fitRaster } from "../../../src/emulator/images/fit-raster.js";
import type { Raster } from "../../../src/emulator/images/raster.js";
import { useEmulator } from "../../helpers/emulator.js";
import { grayThumbnail, likeness } from "../../helpers/image-likeness.js";
import { repoRoot } from "../../helpers/run-generate.js";

const rose = readFileSync(join(repoRoot, "test/fixtures/images/rose.jpg"));
const roseUri = `data:image/jpeg;base64,${rose.toString("base64")}`;

function decoded(bytes: Uint8Array): Raster {
  const result = decodeImage(bytes);
  if (!result.ok) throw new Error(result.reason);
  return result.raster;
}

/**
 * How much a downloaded output looks like the rose fitted to its size (grayscale 16x10
 * thumbnails): near 1 for an edit of it, whatever tint the random seed chose; near 0 otherwise.
 */
function likenessToRose(output: Raster): number {
  const thumbnail = (raster: Raster) => grayThumbnail(raster, 16, 10);
  const input = fitRaster(decoded(rose), output.width, output.height);
  return likeness(thumbnail(input), thumbnail(output));
}

describe("edits on the emulator", () => {
  const env = useEmulator();
  const edit = (image_url: string, extra: Record<string, unknown> = {}) =>
    env.client().run("falAiFluxProKontextMax", {
      prompt: "Make the rose blue",
      image_url,
      output_format: "png",
      aspect_ratio: "16:9",
      ...extra,
    } as never);
  const download = async (url: string) =>
    decoded(new Uint8Array(await (await fetch(url)).arrayBuffer()));

  it("serve an edit of a data: URI input from the CDN, and say in the result that it is emulated", async () => {
    const { data } = await edit(roseUri);
    const output = await download(data.images[0]!.url);
    expect([output.width, output.height]).toEqual([176, 96]);
    expect(likenessToRose(output)).toBeGreaterThan(0.8);
    expect((data as Record<string, unknown>).emulated).toBe(
      "Made by the local ChainHub emulator, not by a model; its image is image_url (a 70x46 JPEG), cropped to the requested shape and tinted by prompt and seed.",
    );
  });

  it("edit their own earlier output when given its CDN URL, and inline the edit in sync mode", async () => {
    const first = await edit(roseUri, { seed: 3 });
    const second = await edit(first.data.images[0]!.url, { seed: 4, sync_mode: true });
    expect(second.data.images[0]!.url).toMatch(/^data:image\/png;base64,/);
    const output = decoded(Buffer.from(second.data.images[0]!.url.split(",")[1]!, "base64"));
    // Two tints on top of each other: further from the rose, still the same picture.
    expect(likenessToRose(output)).toBeGreaterThan(0.7);
    expect((second.data as Record<string, unknown>).emulated).toMatch(/a 176x96 PNG/);
  });

  it("fall back to the synthetic pattern for a URL they cannot fetch, and say why", async () => {
    const { data } = await edit("https://v3.fal.media/files/rabbit/example.png");
    expect((data as Record<string, unknown>).emulated).toMatch(
      /synthetic pattern: image_url \(https:\/\/v3\.fal\.media\/files\/rabbit\/example\.png\) was not read: the emulator reads only data: URIs and its own files, never the network/,
    );
    expect(likenessToRose(await download(data.images[0]!.url))).toBeLessThan(0.4);
  });

  it("keep an input's own shape when no aspect ratio is asked for", async () => {
    const { data } = await edit(roseUri, { aspect_ratio: undefined });
    const { width, height } = data.images[0]!;
    // 70:46 at the tests' 1/64 megapixel, sides rounded to multiples of 16 (a square would be 128x128).
    expect([width, height]).toEqual([160, 112]);
  });
});
