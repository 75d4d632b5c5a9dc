import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readFormatMemo, saveFormatMemo } from "../../../scripts/lib/write/format-memo-file.js";

const upper = async (text: string) => text.toUpperCase();
const refuse = async (text: string): Promise<string> => {
  throw new Error(`formatted ${text} again`);
};

describe("the format memo's file", () => {
  it("gives the next run of the same generator what this run formatted", async () => {
    const place = { folder: mkdtempSync(join(tmpdir(), "memo-")), generatorId: "build 1" };
    const memo = await readFormatMemo(place, "/specs/a.yaml");
    await memo.remember("type A = 1", upper);
    await saveFormatMemo(place, "/specs/a.yaml", memo);
    const next = await readFormatMemo(place, "/specs/a.yaml");
    expect(await next.remember("type A = 1", refuse)).toBe("TYPE A = 1");
  });

  it("is not read by another build of the generator, nor for another spec", async () => {
    const place = { folder: mkdtempSync(join(tmpdir(), "memo-")), generatorId: "build 1" };
    const memo = await readFormatMemo(place, "/specs/a.yaml");
    await memo.remember("x", upper);
    await saveFormatMemo(place, "/specs/a.yaml", memo);
    const rebuilt = await readFormatMemo({ ...place, generatorId: "build 2" }, "/specs/a.yaml");
    expect(await rebuilt.remember("x", async () => "fresh")).toBe("fresh");
    const other = await readFormatMemo(place, "/specs/b.yaml");
    expect(await other.remember("x", async () => "fresh")).toBe("fresh");
  });

  it("reads a torn or foreign file as an empty memo", async () => {
    const place = { folder: mkdtempSync(join(tmpdir(), "memo-")), generatorId: "build 1" };
    const memo = await readFormatMemo(place, "/specs/a.yaml");
    await memo.remember("x", upper);
    await saveFormatMemo(place, "/specs/a.yaml", memo);
    const [name] = readdirSync(place.folder);
    for (const text of ['{"formatter":', '{"formatter": 1, "entries": [["k", 2]]}', "[]"]) {
      writeFileSync(join(place.folder, name!), text);
      const read = await readFormatMemo(place, "/specs/a.yaml");
      expect(await read.remember("x", async () => "fresh")).toBe("fresh");
    }
  });

  it("writes nothing when the run formatted nothing new", async () => {
    const place = { folder: mkdtempSync(join(tmpdir(), "memo-")), generatorId: "build 1" };
    await saveFormatMemo(place, "/specs/a.yaml", await readFormatMemo(place, "/specs/a.yaml"));
    expect(readdirSync(place.folder)).toEqual([]);
  });

  it("keeps the memos of the eight specs most recently generated from", async () => {
    const place = { folder: mkdtempSync(join(tmpdir(), "memo-")), generatorId: "build 1" };
    const names: string[] = [];
    for (let spec = 0; spec < 10; spec++) {
      const memo = await readFormatMemo(place, `/specs/${spec}.yaml`);
      await memo.remember(`text ${spec}`, upper);
      const before = new Set(readdirSync(place.folder));
      await saveFormatMemo(place, `/specs/${spec}.yaml`, memo);
      const name = readdirSync(place.folder).find((n) => !before.has(n))!;
      names.push(name);
      // File times a second apart, oldest first, whatever the file system's resolution.
      utimesSync(join(place.folder, name), 1_000 + spec, 1_000 + spec);
    }
    // The ninth save removed the first spec's memo, the tenth the second's.
    expect(readdirSync(place.folder).sort()).toEqual(names.slice(2).sort());
  });
});
