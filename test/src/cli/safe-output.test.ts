import { describe, expect, it } from "vitest";
import { printable, printableJson } from "../../../src/cli/safe-output.js";

const code = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

describe("printable: text from a relay shown on a terminal", () => {
  it.each([
    ["ANSI escape (C0)", "\u001b"],
    ["C1 control sequence introducer", "\u009b"],
    ["DEL", "\u007f"],
    ["left-to-right embedding", "\u202a"],
    ["right-to-left embedding", "\u202b"],
    ["pop directional formatting", "\u202c"],
    ["left-to-right override", "\u202d"],
    ["right-to-left override", "\u202e"],
    ["left-to-right isolate", "\u2066"],
    ["right-to-left isolate", "\u2067"],
    ["first strong isolate", "\u2068"],
    ["pop directional isolate", "\u2069"],
    ["zero-width space", "\u200b"],
    ["zero-width non-joiner", "\u200c"],
    ["zero-width joiner", "\u200d"],
    ["left-to-right mark", "\u200e"],
    ["right-to-left mark", "\u200f"],
    ["Arabic letter mark", "\u061c"],
    ["word joiner", "\u2060"],
    ["line separator", "\u2028"],
    ["paragraph separator", "\u2029"],
    ["byte-order mark", "\ufeff"],
  ])("shows a %s as an escape", (_name, char) => {
    expect(printable(`a${char}b`)).toBe(`a${code(char)}b`);
  });

  it("defuses a name that reads backwards: the override is visible, the order is the real one", () => {
    const hostile = "invoice\u202efdp.exe";
    expect(printable(hostile)).toBe("invoice\\u202efdp.exe");
  });

  it("leaves ordinary text alone: accents, CJK, right-to-left letters, emoji, tabs and newlines", () => {
    const text = "Crème brûlée 雪 ثلج 🍩\tdone\nnext line";
    expect(printable(text)).toBe(text);
  });

  it("shows a carriage return as \\r, so a line cannot overwrite itself", () => {
    expect(printable("ok\rFAKE")).toBe("ok\\rFAKE");
  });
});

describe("printableJson: a relay's result as JSON on stdout", () => {
  it("writes C1 controls, bidirectional overrides and invisible characters as JSON escapes, and parses back to the same value", () => {
    const value = { prompt: "abc\u202edef\u009b31mX\u200b", file_name: "a\u001b]0;t\u0007.png" };
    const text = printableJson(value);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e]/);
    expect(text).toContain("abc\\u202edef\\u009b31mX\\u200b");
    expect(JSON.parse(text)).toEqual(value);
  });
});
