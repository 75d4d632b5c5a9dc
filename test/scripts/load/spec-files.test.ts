import { mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { diskReader, type SpecFile } from "../../../scripts/lib/load/spec-files.js";

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "spec-files-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("diskReader", () => {
  it("reads a file named by many $refs once per run, so a big multi-file spec is read in linear time", () => {
    const dir = folder({ "root.yaml": "", "pet.yaml": "Pet: { type: object }\n" });
    const reader = diskReader(dir, (path) => path);
    const root: SpecFile = { id: join(dir, "root.yaml"), name: "root.yaml", text: "" };
    const first = reader.read(root, "pet.yaml");
    // Changed on disk mid-run: the run keeps one consistent view of the file.
    writeFileSync(join(dir, "pet.yaml"), "Pet: { type: string }\n");
    const again = reader.read(root, "pet.yaml");
    expect(again).toBe(first);
    expect((again as SpecFile).text).toBe("Pet: { type: object }\n");
  });

  it("still refuses a file outside the spec's folder when it is named again", () => {
    const dir = folder({ "root.yaml": "" });
    const reader = diskReader(join(dir), (path) => path);
    const root: SpecFile = { id: join(dir, "root.yaml"), name: "root.yaml", text: "" };
    for (let i = 0; i < 2; i++)
      expect(reader.read(root, "../outside.yaml")).toEqual({
        error: expect.stringMatching(/cannot read|is outside/),
      });
  });

  it("resolves the same name relative to each file that holds it", () => {
    const dir = folder({ "root.yaml": "", "pet.yaml": "top\n" });
    const nested = folder({ "pet.yaml": "nested\n" });
    const reader = diskReader("/", (path) => path);
    const a = reader.read({ id: join(dir, "root.yaml"), name: "a", text: "" }, "pet.yaml");
    const b = reader.read({ id: join(nested, "x.yaml"), name: "b", text: "" }, "pet.yaml");
    expect([(a as SpecFile).text, (b as SpecFile).text]).toEqual(["top\n", "nested\n"]);
  });
});
