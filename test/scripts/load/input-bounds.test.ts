import { describe, expect, it } from "vitest";
import { buildContract } from "../../../scripts/lib/build-contract.js";
import { MAX_PROSE_CHARS } from "../../../scripts/lib/infer/infer-constraints.js";
import { MAX_INPUT_CHARS, MAX_NESTING } from "../../../scripts/lib/load/input-bounds.js";

const HEAD = 'openapi: 3.0.1\ninfo: {title: t, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n';

/** `depth` levels of `type: object / properties / p` under components.schemas.A, block style. */
function blockNesting(depth: number): string {
  const lines = [HEAD + "    A:"];
  let indent = "    ";
  for (let i = 0; i < depth; i++) {
    indent += "  ";
    lines.push(`${indent}type: object`, `${indent}properties:`);
    indent += "  ";
    lines.push(`${indent}p:`);
  }
  return lines.join("\n") + `\n${indent}  type: string\n`;
}

const errorsOf = (text: string) =>
  buildContract({ name: "spec.yaml", text }).diagnostics.filter((d) => d.severity === "error");

describe("the loader is bounded on any input", () => {
  it.each([
    ["500-deep block nesting", blockNesting(250)],
    ["500-deep flow nesting", HEAD + "    A: " + "[".repeat(500) + "]".repeat(500) + "\n"],
    ["500-deep JSON", '{"openapi": "3.0.1", "x": ' + '{"a": '.repeat(500) + "1" + "}".repeat(501)],
  ])("reports %s as an error at a line, not a stack overflow", (_name, text) => {
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: "yaml-too-deep", location: { file: "spec.yaml" } });
    expect(errors[0]!.location.line).toBeGreaterThan(0);
    expect(errors[0]!.message).toContain(String(MAX_NESTING));
  });

  it("takes nesting as deep as a real spec's and more (90 levels)", () => {
    expect(errorsOf(blockNesting(44))).toEqual([]);
  });

  it("does not count brackets in the middle of text as nesting", () => {
    const text = HEAD + "    A:\n      description: see [docs " + "[".repeat(300) + "\n";
    expect(errorsOf(text)).toEqual([]);
  });

  it("reports an alias bomb as an error at the line of its first alias", () => {
    let text =
      HEAD + '    A:\n      x-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    let previous = "a";
    for (const name of "bcdefghi") {
      text += `      x-${name}: &${name} [${Array(9)
        .fill("*" + previous)
        .join(",")}]\n`;
      previous = name;
    }
    const errors = errorsOf(text);
    expect(errors.map((e) => [e.code, e.location.line])).toEqual([["yaml-aliases", 8]]);
  });

  it("refuses a file over the documented size limit with a clear error, at once", () => {
    const text = HEAD + "    A:\n      description: " + "x".repeat(MAX_INPUT_CHARS) + "\n";
    const started = performance.now();
    const errors = errorsOf(text);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: "input-too-large", location: { line: 1 } });
    expect(errors[0]!.message).toMatch(/limit is 8,388,608 \(8 MiB\)/);
  });

  it("does not read a description over the prose limit, and says so in one info line", () => {
    const long = "Range value: 1-4. ".repeat(MAX_PROSE_CHARS / 10);
    const text = JSON.stringify({
      openapi: "3.0.1",
      info: { title: "t", version: "1" },
      paths: {},
      components: {
        schemas: {
          A: { type: "integer", description: long },
          B: { type: "integer", description: long },
          C: { type: "integer", description: "Range value: 1-4" },
        },
      },
    });
    const result = buildContract({ name: "spec.json", text });
    const schemas = (result.document as any).components.schemas;
    expect(schemas.A).not.toHaveProperty("maximum");
    expect(schemas.C).toMatchObject({ minimum: 1, maximum: 4 });
    const notes = result.diagnostics.filter((d) => d.code === "prose-too-long");
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ severity: "info" });
    expect(notes[0]!.message).toMatch(/^2 description\(s\) longer than 10,000 characters/);
  });
});
