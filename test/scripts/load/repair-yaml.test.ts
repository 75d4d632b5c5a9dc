import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseYaml } from "../../../scripts/lib/load/parse-yaml.js";
import { repairYaml } from "../../../scripts/lib/load/repair-yaml.js";
import { collector } from "../../helpers/diagnostics.js";

describe("repairYaml", () => {
  it.each([
    ["description: Range value: 1-20", "Range value: 1-20"],
    ["  - description: a: b", "a: b"],
    ['description: Image output formats: "jpeg", "png"', 'Image output formats: "jpeg", "png"'],
    ["description: it's: quoted", "it's: quoted"],
    ["description: ends with a colon:", "ends with a colon:"],
  ])("quotes the plain scalar in %j so it parses as the vendor meant", (line, expected) => {
    const diagnostics = collector();
    const repaired = repairYaml(line, diagnostics);
    const value = parse(repaired);
    const parsed = Array.isArray(value) ? value[0] : value;
    expect(parsed.description).toBe(expected);
    expect(diagnostics.items).toHaveLength(1);
    expect(diagnostics.items[0]).toMatchObject({
      code: "yaml-unquoted-colon",
      location: { line: 1 },
    });
  });

  it.each([
    ["already quoted", "description: 'a: b'"],
    ["a flow mapping", "example: {a: 1}"],
    ["a URL without a space after the colon", "url: https://api.chainhub.tech"],
    ["a ratio", "aspect_ratio: 21:9"],
  ])("leaves %s alone", (_name, line) => {
    const diagnostics = collector();
    expect(repairYaml(line, diagnostics)).toBe(line);
    expect(diagnostics.items).toEqual([]);
  });

  it("does not touch the inside of block scalars, and keeps every line number", () => {
    const text = ["a: |", "  literal: text: here", "b: x: y", "c: ok"].join("\n");
    const diagnostics = collector();
    const repaired = repairYaml(text, diagnostics);
    expect(repaired.split("\n")).toHaveLength(4);
    expect(parse(repaired)).toEqual({ a: "literal: text: here\n", b: "x: y", c: "ok" });
    expect(diagnostics.items.map((d) => d.location.line)).toEqual([3]);
  });
});

describe("parseYaml", () => {
  it("reports what cannot be repaired with its line, and yields nothing", () => {
    const diagnostics = collector("broken.yaml");
    const result = parseYaml("a: 1\nb: [unclosed\nc: 3\n", diagnostics);
    expect(result).toBeUndefined();
    expect(diagnostics.errors[0]).toMatchObject({
      code: "yaml-syntax",
      location: { file: "broken.yaml" },
    });
    expect(diagnostics.errors[0]?.location.line).toBeGreaterThanOrEqual(2);
  });

  it("rejects duplicate keys instead of keeping the last one", () => {
    const diagnostics = collector();
    expect(parseYaml("a: 1\na: 2\n", diagnostics)).toBeUndefined();
    expect(diagnostics.errors[0]?.location.line).toBe(2);
  });

  it("locates JSON pointers at the line of their key, or of the nearest existing parent", () => {
    const result = parseYaml("paths:\n  /x:\n    post:\n      summary: s\n", collector());
    expect(result?.locate("#/paths/~1x/post/summary")).toBe(4);
    expect(result?.locate("#/paths/~1x/post/operationId")).toBe(3);
  });
});
