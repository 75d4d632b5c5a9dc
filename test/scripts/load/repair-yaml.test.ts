import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseYaml } from "../../../scripts/lib/load/parse-yaml.js";
import { repairYaml } from "../../../scripts/lib/load/repair-yaml.js";
import { collector } from "../../helpers/diagnostics.js";
import { repoRoot } from "../../helpers/run-generate.js";

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

  it("repairs an export saved with CRLF line endings as it repairs the same export with LF", () => {
    const lf = readFileSync(join(repoRoot, "spec/chainhub-fal-ai.apifox.yaml"), "utf8");
    const crlf = lf.replace(/\n/g, "\r\n");
    const [fromLf, fromCrlf] = [collector(), collector()];
    expect(parse(repairYaml(crlf, fromCrlf))).toEqual(parse(repairYaml(lf, fromLf)));
    expect(fromCrlf.items).toEqual(fromLf.items);
    expect(fromCrlf.items.length).toBeGreaterThan(0);
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

describe("repairYaml leaves valid YAML alone", () => {
  const fixtures = join(repoRoot, "test/fixtures");
  it.each([
    ["PyYAML", "yaml-writers/pyyaml.yaml"],
    ["js-yaml", "yaml-writers/js-yaml.yaml"],
    ["apifox (a vendor's documentation page)", "yaml-writers/apifox-flux-kontext-multi.yaml"],
    ["apifox (quirks fixture)", "specs/apifox-quirks.apifox.yaml"],
    ["apifox (task API fixture)", "specs/task-api.apifox.yaml"],
  ])("passes a document written by %s through byte for byte", (_writer, file) => {
    const text = readFileSync(join(fixtures, file), "utf8");
    const diagnostics = collector();
    expect(repairYaml(text, diagnostics)).toBe(text);
    expect(diagnostics.items).toEqual([]);
  });

  it("keeps a quoted string whose continuation line reads like `Example: ...Authorization: Bearer`", () => {
    const text = readFileSync(join(fixtures, "yaml-writers/pyyaml.yaml"), "utf8");
    const source = JSON.parse(readFileSync(join(fixtures, "yaml-writers/source.json"), "utf8"));
    expect(parse(repairYaml(text, collector()))).toEqual(source);
  });

  it("repairs only the broken line of a document that also holds such a string", () => {
    const text = [
      "a: 'Send the key.",
      "",
      `  Example: curl -H "Authorization: Bearer sk-x" https://h'`,
      "b: Range value: 1-4",
    ].join("\n");
    const diagnostics = collector();
    const value = parse(repairYaml(text, diagnostics));
    expect(value).toEqual({
      a: 'Send the key.\nExample: curl -H "Authorization: Bearer sk-x" https://h',
      b: "Range value: 1-4",
    });
    expect(diagnostics.items.map((d) => [d.code, d.location.line])).toEqual([
      ["yaml-unquoted-colon", 4],
    ]);
  });

  it.each(["|", ">", "|-", ">+", "|2-", ">-2", "|+ # note"])(
    "leaves the valid block scalar header %j alone",
    (header) => {
      const text = `a: ${header}\n  x: y\n  z\nb: 1\n`;
      const diagnostics = collector();
      expect(repairYaml(text, diagnostics)).toBe(text);
      expect(diagnostics.items).toEqual([]);
    },
  );

  it("reads the header `|>-` a vendor page writes as `|-`, keeping the text and line numbers", () => {
    const text = ["a:", "  description: |>-", "    Range: 1-4", "    more: text", "  b: 1"].join(
      "\n",
    );
    const diagnostics = collector();
    const repaired = repairYaml(text, diagnostics);
    expect(repaired.split("\n")).toHaveLength(5);
    expect(parse(repaired)).toEqual({ a: { description: "Range: 1-4\nmore: text", b: 1 } });
    expect(diagnostics.items.map((d) => [d.code, d.location.line])).toEqual([
      ["yaml-block-header", 2],
    ]);
  });
});
