import { parse as parseWithYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { Diagnostics } from "../../../scripts/lib/diagnostics.js";
import { jsonLineIndex } from "../../../scripts/lib/load/json-line-index.js";
import { parsePlainJson } from "../../../scripts/lib/load/parse-json.js";
import { parseYaml } from "../../../scripts/lib/load/parse-yaml.js";
import { repairYaml } from "../../../scripts/lib/load/repair-yaml.js";

const SPEC = [
  "{",
  '  "openapi": "3.0.3",',
  '  "paths": {',
  '    "/pets/{id}": {',
  '      "get": { "parameters": [',
  '        { "name": "id", "in": "path" },',
  "        {",
  '          "name": "a\\"b~c\\u00e9"',
  "        }",
  '      ], "responses": {} }',
  "    }",
  "  },",
  '  "x-empty": [], "x-list": [1, -0, true, null, "s"]',
  "}",
  "",
].join("\n");

// The YAML parser's reading, which the fast path must match: a tab after the document sends
// the same text (same lines) the YAML way.
const viaYaml = (text: string) => parseYaml(`${text}\t`, new Diagnostics("spec.json"))!;

describe("parsePlainJson", () => {
  it("reads a JSON spec to the very value the YAML parser reads", () => {
    expect(parsePlainJson(SPEC, false)!.value).toStrictEqual(parseWithYaml(SPEC));
  });

  it.each([
    ["a __proto__ key stays plain data", '{"__proto__": {"polluted": 1}, "a": 1}'],
    ["numbers past double range", '{"big": 123456789012345678901234567890, "huge": 1e400}'],
    ["a lone surrogate escape", '{"s": "\\ud800", "t": "\\udc00x"}'],
    ["escaped keys", '{"\\u0061b": 1, "\\/": 2}'],
  ])("%s as YAML does", (_name, text) => {
    const fast = parsePlainJson(text, false);
    expect(fast).toBeDefined();
    expect(fast!.value).toStrictEqual(viaYaml(text).value);
    expect(Object.getPrototypeOf(fast!.value)).toBe(Object.prototype);
  });

  it.each([
    ["a duplicate key", '{"a": 1, "a": 2}'],
    ["a duplicate key spelled with an escape", '{"a": 1, "\\u0061": 2}'],
    ["a key whose colon is on the next line", '{"a"\n: 1}'],
    ["a tab", '{\t"a": 1}'],
    ["a lone carriage return", '{"a": 1,\r"b": 2}'],
    ["a key past YAML's implicit-key length", `{"${"k".repeat(1100)}": 1}`],
    ["JSON with a trailing comma", '{"a": 1,}'],
    ["YAML", "a: 1\n"],
    ["a bare scalar", "123"],
  ])("leaves %s to the YAML parser", (_name, text) => {
    expect(parsePlainJson(text, false)).toBeUndefined();
  });
});

describe("parseYaml on JSON", () => {
  it("reports a duplicate key as an error at its line, as the YAML path does", () => {
    const diagnostics = new Diagnostics("spec.json");
    expect(parseYaml('{\n  "a": 1,\n  "a": 2\n}\n', diagnostics)).toBeUndefined();
    expect(diagnostics.errors).toHaveLength(1);
    expect(diagnostics.errors[0]).toMatchObject({
      code: "yaml-syntax",
      location: { file: "spec.json", line: 3 },
    });
  });

  it("locates every pointer at the line the YAML path gives it", () => {
    const fast = parseYaml(SPEC, new Diagnostics("spec.json"))!;
    const slow = viaYaml(SPEC);
    const pointers = [...jsonLineIndex(SPEC).keys()];
    expect(pointers).toContain("#/paths/~1pets~1{id}/get/parameters/1/name");
    expect(pointers.length).toBeGreaterThan(15);
    for (const pointer of [...pointers, "#/paths/~1pets~1{id}/get/nowhere"])
      expect([pointer, fast.locate(pointer)]).toEqual([pointer, slow.locate(pointer)]);
    expect(fast.locate("#/paths/~1pets~1{id}/get/parameters/1/name")).toBe(8);
  });

  it("takes the parse repairYaml made of the same text, leaving the text untouched", () => {
    const diagnostics = new Diagnostics("spec.json");
    expect(repairYaml(SPEC, diagnostics)).toBe(SPEC);
    expect(parseYaml(SPEC, diagnostics)!.value).toStrictEqual(parseWithYaml(SPEC));
    expect(diagnostics.items).toEqual([]);
  });
});
