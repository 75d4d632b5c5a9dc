/**
 * positionsAfterEdits: a position in a text before its edits, found again in the edited text.
 * Checked against the edited text itself, on every position of a small text.
 */
import { describe, expect, it } from "vitest";
import {
  applyTextEdits,
  positionsAfterEdits,
} from "../../../../scripts/lib/emit/enrich/text-edits.js";

const TEXT = "interface A {\n  /** old */\n  a: 1;\n  b: 2;\n}\n";
const at = (needle: string) => TEXT.indexOf(needle);
/** A doc replaced, one inserted at a token's start, one at the text's start; planned unordered. */
const EDITS = [
  { start: at("b:"), end: at("b:"), text: "/** new b */\n  " },
  { start: at("/** old"), end: at("a:"), text: "/** new a */\n  " },
  { start: 0, end: 0, text: "// head\n" },
];

describe("positions after text edits", () => {
  const edited = applyTextEdits(TEXT, EDITS);
  const after = positionsAfterEdits(EDITS);

  it("finds every character outside the edits where it went", () => {
    const touched = (p: number) => EDITS.some((e) => p >= e.start && p < e.end);
    for (let p = 0; p < TEXT.length; p++) {
      if (touched(p)) continue;
      expect(edited[after(p, "after")], `at ${p}`).toBe(TEXT[p]);
    }
    expect(after(TEXT.length, "after")).toBe(edited.length);
  });

  it("puts a position where text was inserted before the insertion, or past it", () => {
    expect(edited.slice(after(at("b:"), "before")).startsWith("/** new b */")).toBe(true);
    expect(edited.slice(after(at("b:"), "after")).startsWith("b: 2;")).toBe(true);
    expect(after(0, "before")).toBe(0);
    expect(after(0, "after")).toBe("// head\n".length);
  });

  it("moves the end of a replaced doc past its replacement either way", () => {
    for (const side of ["before", "after"] as const)
      expect(edited.slice(after(at("a:"), side)).startsWith("a: 1;")).toBe(true);
  });
});
