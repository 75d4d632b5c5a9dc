import { describe, expect, it } from "vitest";
import { inferConstraints } from "../../../scripts/lib/infer/infer-constraints.js";
import type { JsonObject } from "../../../scripts/lib/openapi-walk.js";
import { codes, collector } from "../../helpers/diagnostics.js";

function documentWith(properties: JsonObject): JsonObject {
  return {
    openapi: "3.0.1",
    paths: {
      "/x": {
        post: {
          requestBody: {
            content: { "application/json": { schema: { type: "object", properties } } },
          },
        },
      },
    },
  };
}

function propertiesOf(document: JsonObject): Record<string, JsonObject> {
  return (document as any).paths["/x"].post.requestBody.content["application/json"].schema
    .properties;
}

describe("inferConstraints", () => {
  it("reads a description shared by several schemas once, and gives each schema its own values", () => {
    const description = 'formats: "jpeg", "png"';
    const document = documentWith({
      a: { type: "string", description },
      b: { type: "string", description },
      c: { type: "integer", description },
    });
    const diagnostics = collector();
    inferConstraints(document, diagnostics);
    const { a, b, c } = propertiesOf(document);
    expect(a!.enum).toEqual(["jpeg", "png"]);
    expect(b!.enum).toEqual(["jpeg", "png"]);
    expect(a!.enum).not.toBe(b!.enum);
    (a!.enum as string[]).push("webp");
    expect(b!.enum).toEqual(["jpeg", "png"]);
    // The same text on an integer is judged against that schema's type, not the first one's.
    expect(c!.enum).toBeUndefined();
    expect(codes(diagnostics).filter((code) => code === "inferred-constraint")).toHaveLength(2);
    expect(codes(diagnostics)).toContain("prose-enum-type-mismatch");
  });

  it("applies prose constraints coerced to the property's type and marks them as inferred", () => {
    const document = documentWith({
      n: { type: "integer", description: "count, range: 1-4, default: 2" },
      f: { type: "string", description: 'formats: "jpeg", "png"' },
      r: { type: "string", description: "one of 1:1, 16:9" },
    });
    inferConstraints(document, collector());
    const { n, f, r } = propertiesOf(document);
    expect(n).toMatchObject({
      minimum: 1,
      maximum: 4,
      default: 2,
      "x-inferred-from": "description",
      "x-inferred-keywords": ["minimum", "maximum", "default"],
    });
    expect(f?.enum).toEqual(["jpeg", "png"]);
    expect(r?.enum).toEqual(["1:1", "16:9"]);
  });

  it("maps ranges to lengths for strings about length and to item counts for arrays", () => {
    const document = documentWith({
      s: { type: "string", description: "name, 1-64 characters, range 1-64" },
      a: { type: "array", items: { type: "string" }, description: "tags, range 0~5" },
    });
    inferConstraints(document, collector());
    expect(propertiesOf(document).s).toMatchObject({ minLength: 1, maxLength: 64 });
    expect(propertiesOf(document).a).toMatchObject({ minItems: 0, maxItems: 5 });
  });

  it.each([
    [
      "a range on a plain string",
      { type: "string", description: "level, range: 1-3" },
      "prose-range-type-mismatch",
    ],
    [
      "an enum value not of the type",
      { type: "integer", description: "optional values: 8, 16, large" },
      "prose-enum-type-mismatch",
    ],
    [
      "a fractional bound on an integer",
      { type: "integer", description: "range: 0.5-2" },
      "prose-range-type-mismatch",
    ],
    ["an inverted range", { type: "number", description: "range: 9-1" }, "prose-range-inverted"],
    [
      "a default outside the enum",
      { type: "string", enum: ["a", "b"], description: "default: c" },
      "prose-default-not-in-enum",
    ],
    [
      "a default of the wrong type",
      { type: "boolean", description: "default: maybe" },
      "prose-default-type-mismatch",
    ],
  ])("warns about %s and applies nothing", (_name, schema, code) => {
    const document = documentWith({ p: structuredClone(schema) });
    const diagnostics = collector();
    inferConstraints(document, diagnostics);
    expect(codes(diagnostics)).toEqual([code]);
    expect(propertiesOf(document).p).toEqual(schema);
  });

  it("keeps explicit keywords and reports prose that disagrees with them", () => {
    const document = documentWith({
      n: { type: "integer", maximum: 10, description: "range: 1-4" },
    });
    const diagnostics = collector();
    inferConstraints(document, diagnostics);
    expect(propertiesOf(document).n).toMatchObject({ minimum: 1, maximum: 10 });
    expect(codes(diagnostics)).toContain("prose-range-mismatch");
  });
});
