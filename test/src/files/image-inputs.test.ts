import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FileInputError, resolveFileInputs } from "../../../src/files/file-inputs.js";
import { fileFrom } from "../../../src/files/local-file.js";
import { describeNonImage, sniffImageType } from "../../../src/files/media-type.js";
import { repoRoot } from "../../helpers/run-generate.js";

const fixture = (name: string) => readFileSync(join(repoRoot, "test/fixtures/images", name));
const hex = (text: string) => Buffer.from(text.replace(/\s/g, ""), "hex");

describe("image sniffing by magic bytes", () => {
  it.each([
    ["image/png", fixture("basn2c08.png")],
    ["image/jpeg", fixture("rose.jpg")],
    ["image/webp", fixture("rose.webp")],
    ["image/gif", Buffer.from("GIF89a\x01\x00\x01\x00", "latin1")],
    ["image/avif", hex("0000001c 66747970 61766966 00000000")],
    ["image/heic", hex("00000018 66747970 68656963 00000000")],
    ["image/tiff", hex("49492a00 08000000")],
    ["image/bmp", Buffer.concat([Buffer.from("BM"), Buffer.alloc(40)])],
  ])("recognises %s", (type, bytes) => {
    expect(sniffImageType(bytes)).toBe(type);
  });

  it.each([
    ["text", Buffer.from("shopping list: flour\n")],
    ["a PDF", Buffer.from("%PDF-1.7\n")],
    ["a ZIP archive", hex("504b0304 14000000")],
    ["an empty file", Buffer.alloc(0)],
    ["bytes of an unknown format", hex("00010203 04050607")],
    // A RIFF that is not WebP (a WAV) and an ISO-BMFF that is a video are not images.
    ["bytes of an unknown format", Buffer.from("RIFF\x24\x00\x00\x00WAVEfmt ", "latin1")],
    ["bytes of an unknown format", hex("00000018 66747970 6d703432 00000000")],
  ])("refuses %s and says what it looks like", (what, bytes) => {
    expect(sniffImageType(bytes)).toBeUndefined();
    expect(describeNonImage(bytes)).toBe(what);
  });
});

describe("image fields get images", () => {
  const dir = mkdtempSync(join(tmpdir(), "image-inputs-"));
  const write = (name: string, bytes: Uint8Array) => {
    writeFileSync(join(dir, name), bytes);
    return join(dir, name);
  };

  it("refuses a local file named .png whose bytes are text, naming the field and the file", async () => {
    const path = write("photo.png", Buffer.from("not really a photo"));
    const error = await resolveFileInputs({ image_url: fileFrom(path) }, "op").catch((e) => e);
    expect(error).toBeInstanceOf(FileInputError);
    expect(error.field).toBe("image_url");
    expect(error.message).toBe(
      `image_url: file ${path} is not an image (text; expected PNG, JPEG, GIF, WebP, AVIF, HEIC, BMP or TIFF, recognised by their first bytes)`,
    );
  });

  it("refuses non-image bytes and Blobs in any image field, by its item in a list", async () => {
    const pdf = Buffer.from("%PDF-1.7\n");
    await expect(resolveFileInputs({ mask_url: pdf }, "op")).rejects.toThrow(
      /^mask_url: the bytes is not an image \(a PDF;/,
    );
    const error = await resolveFileInputs(
      { reference_image_urls: [fixture("rose.jpg"), new Blob([pdf])] },
      "op",
    ).catch((e) => e);
    expect(error.field).toBe("reference_image_urls.1");
  });

  it("accepts a real image whatever its name, and leaves non-image fields alone", async () => {
    const jpegNamedTxt = write("rose.txt", fixture("rose.jpg"));
    const audio = write("voice.wav", Buffer.from("RIFF\x24\x00\x00\x00WAVEfmt ", "latin1"));
    const resolved = await resolveFileInputs(
      { image_url: fileFrom(jpegNamedTxt), audio_url: fileFrom(audio) },
      "op",
    );
    expect(resolved.image_url).toMatch(/^data:image\/jpeg;base64,\/9j\//);
    expect(resolved.audio_url).toMatch(/^data:application\/octet-stream;base64,/);
  });
});
