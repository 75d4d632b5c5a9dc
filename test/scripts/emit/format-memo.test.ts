import { describe, expect, it } from "vitest";
import { syntheticExport } from "../../../bench/lib/synthetic-export.js";
import { buildContract } from "../../../scripts/lib/build-contract.js";
import { Diagnostics } from "../../../scripts/lib/diagnostics.js";
import { provenanceOf } from "../../../scripts/lib/emit/banner.js";
import { FORMATTER_ID, formatTypeScript } from "../../../scripts/lib/emit/format.js";
import { FormatMemo } from "../../../scripts/lib/emit/format-memo.js";
import { renderOutputs } from "../../../scripts/lib/emit/render-outputs.js";

const upper = async (text: string) => text.toUpperCase();

describe("the format memo", () => {
  it("formats a text it has not seen, and returns a remembered one without formatting", async () => {
    const first = new FormatMemo("salt");
    expect(await first.remember("a", upper)).toBe("A");
    expect(first.changed).toBe(true);
    const second = new FormatMemo("salt", first.entriesToKeep());
    const format = async (text: string) => {
      throw new Error(`formatted ${text} again`);
    };
    expect(await second.remember("a", format)).toBe("A");
    expect(second.changed).toBe(false);
  });

  it("misses every entry made under another formatter id", async () => {
    const first = new FormatMemo("prettier 3.0");
    await first.remember("a", upper);
    const second = new FormatMemo("prettier 3.1", first.entriesToKeep());
    expect(await second.remember("a", async () => "from the new printer")).toBe(
      "from the new printer",
    );
  });

  it("keeps what a run used, and older entries only up to twice their size", async () => {
    const old = new FormatMemo("salt");
    for (const text of ["x".repeat(10), "y".repeat(10), "z".repeat(10)])
      await old.remember(text, upper);
    const run = new FormatMemo("salt", old.entriesToKeep());
    await run.remember("w".repeat(10), upper);
    const kept = run.entriesToKeep().map(([, text]) => text);
    expect(kept).toEqual(["W".repeat(10), "X".repeat(10), "Y".repeat(10)]);
  });

  it("gives generated files the bytes of formatting without it, and formats nothing the second time", async () => {
    expect(FORMATTER_ID).toBeDefined();
    const spec = { name: "synthetic.yaml", text: syntheticExport(5) };
    const document = buildContract(spec).document!;
    const render = (memo?: FormatMemo) =>
      renderOutputs(document, provenanceOf(spec, []), new Diagnostics(spec.name), 2_000, memo);
    const plain = await render();
    const filling = new FormatMemo(FORMATTER_ID!);
    expect(await render(filling)).toEqual(plain);
    const reading = new FormatMemo(FORMATTER_ID!, filling.entriesToKeep());
    expect(await render(reading)).toEqual(plain);
    expect(reading.changed).toBe(false);
  });

  it("reformats only the pieces of an edited file that changed", async () => {
    const lines = Array.from({ length: 40 }, (_, i) => `export type T${i} = { a: ${i} };`);
    const memo = new FormatMemo(FORMATTER_ID!);
    await formatTypeScript(lines.join("\n") + "\n", 200, undefined, memo);
    const edited = [...lines];
    edited[39] = "export type T39 = { b: 39 };";
    const next = new FormatMemo(FORMATTER_ID!, memo.entriesToKeep());
    const expected = await formatTypeScript(edited.join("\n") + "\n", Infinity);
    expect(await formatTypeScript(edited.join("\n") + "\n", 200, undefined, next)).toBe(expected);
    // The whole file and the last piece are new; the other pieces were found.
    const known = new Set(memo.entriesToKeep().map(([key]) => key));
    const fresh = next.entriesToKeep().filter(([key]) => !known.has(key));
    expect(fresh.length).toBe(2);
  });
});
