import { mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { FileInputError, fileFrom, saveImages, ValidationError } from "../../../src/index.js";
import { resolveFileInputs } from "../../../src/files/file-inputs.js";
import { userPathsToFiles } from "../../../src/cli/user-paths.js";

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

function localPng(name = "photo.png"): string {
  const dir = mkdtempSync(join(tmpdir(), "file-inputs-"));
  const path = join(dir, name);
  writeFileSync(path, PNG);
  return path;
}

async function refusal(value: unknown): Promise<ValidationError> {
  const error = await resolveFileInputs({ image_url: value } as never, "op").catch((e) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describe("file fields: strings are URLs, never paths", () => {
  it.each([
    ["an https URL", "https://cdn.example.com/a.png"],
    ["a data URI", "data:image/png;base64,iVBORw0KGgo="],
    ["http to 127.0.0.1", "http://127.0.0.1:8080/a.png"],
    ["http to localhost", "http://localhost/a.png"],
    ["http to [::1]", "http://[::1]:9/a.png"],
  ])("passes %s through unchanged", async (_name, url) => {
    expect(await resolveFileInputs({ image_url: url }, "op")).toEqual({ image_url: url });
  });

  it.each([
    ["an absolute path", "/etc/passwd"],
    ["a relative path", "./.env"],
    ["a bare file name", "photo.png"],
    ["a parent path", "../secrets.json"],
    ["a file: URL string", "file:///etc/passwd"],
    ["an ftp: URL", "ftp://example.com/a.png"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["plain http to a public host", "http://example.com/a.png"],
    ["plain http to a private host", "http://10.0.0.1/a.png"],
  ])("refuses %s as a ValidationError naming the field", async (_name, value) => {
    const error = await refusal(value);
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]!.path).toBe("image_url");
    expect(error.message).toMatch(/^invalid input for op: image_url: /);
  });

  it("says how to pass a local file instead", async () => {
    expect((await refusal("./photo.png")).message).toMatch(/fileFrom\(path\)/);
    expect((await refusal("http://example.com/a.png")).message).toMatch(/use an https: URL/);
  });

  it("checks every item of a *_urls list and refuses before reading any file", async () => {
    const path = localPng();
    const error = await resolveFileInputs(
      { image_urls: [fileFrom(path), "https://ok.example/a.png", "/etc/hosts"] } as never,
      "op",
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual(["image_urls.2"]);
  });

  it("reads explicit local files: fileFrom, a file: URL object, bytes and Blobs", async () => {
    const path = localPng();
    const dataUri = `data:image/png;base64,${PNG.toString("base64")}`;
    const resolved = await resolveFileInputs(
      {
        a_url: fileFrom(path),
        b_url: pathToFileURL(path),
        c_url: new Uint8Array(PNG),
        d_url: new Blob([PNG], { type: "image/png" }),
        list_urls: [fileFrom(path), "https://x.example/y.png"],
      },
      "op",
    );
    expect(resolved).toEqual({
      a_url: dataUri,
      b_url: dataUri,
      c_url: dataUri,
      d_url: dataUri,
      list_urls: [dataUri, "https://x.example/y.png"],
    });
  });

  it("reads a relative path given to fileFrom against the working folder", async () => {
    const path = localPng();
    const resolved = await resolveFileInputs(
      { image_url: fileFrom(relative(process.cwd(), path)) },
      "op",
    );
    expect(resolved.image_url).toMatch(/^data:image\/png;base64,/);
  });

  it("follows a symlink only when the caller named it with fileFrom", async () => {
    const target = localPng();
    const link = join(mkdtempSync(join(tmpdir(), "link-")), "link.png");
    symlinkSync(target, link);
    await refusal(link);
    const resolved = await resolveFileInputs({ image_url: fileFrom(link) }, "op");
    expect(resolved.image_url).toMatch(/^data:image\/png;base64,/);
  });

  it("stops reading a file that has no size to check (a device, a pipe) one byte past the limit, instead of reading it whole", async () => {
    // /dev/zero never ends: read whole, it took every byte of memory and the OOM killer ended the CLI.
    const error = await resolveFileInputs(
      { image_url: fileFrom("/dev/zero") },
      "op",
      64 * 1024,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileInputError);
    expect((error as Error).message).toBe(
      "image_url: file /dev/zero is over the 64 KiB limit for inline uploads; host it and pass its https URL instead",
    );
  });

  it("does not take a look-alike plain object for a local file", async () => {
    const error = await resolveFileInputs(
      { image_url: { path: "/etc/passwd" } } as never,
      "op",
    ).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/image_url: expected an https: URL/);
  });

  it("leaves the caller's input object untouched", async () => {
    const input = { image_urls: [fileFrom(localPng())] };
    await resolveFileInputs(input, "op");
    expect(input.image_urls[0]).toBeInstanceOf(Object);
    expect(typeof input.image_urls[0]).toBe("object");
  });
});

describe("the command line treats its own strings as the user's paths", () => {
  it("turns paths and file: URLs into local files and keeps URLs as they are", () => {
    const body = userPathsToFiles({
      image_url: "./in.png",
      mask_url: "file:///tmp/mask.png",
      ref_urls: ["https://a.example/x.png", "C:\\photos\\in.png"],
      prompt: "./not-a-file",
    });
    expect(body.image_url).toEqual(fileFrom("./in.png"));
    expect(body.mask_url).toEqual(fileFrom("/tmp/mask.png"));
    expect(body.ref_urls).toEqual(["https://a.example/x.png", fileFrom("C:\\photos\\in.png")]);
    expect(body.prompt).toBe("./not-a-file");
  });
});

describe("saveImages", () => {
  it.each([["../escape"], ["a/b"], [".hidden"], [""]])(
    "refuses the prefix %j, which would name a path instead of a file",
    async (prefix) => {
      const dir = mkdtempSync(join(tmpdir(), "save-"));
      const result = { images: [{ url: `data:image/png;base64,${PNG.toString("base64")}` }] };
      await expect(saveImages(result, dir, { prefix })).rejects.toThrow(/prefix .* must be/);
    },
  );
});
