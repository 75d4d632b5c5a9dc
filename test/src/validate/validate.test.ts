import { describe, expect, it } from "vitest";
import { operationTable } from "../../fixtures/seed/generated/index.gen.js";
import { fillRequiredDefaults } from "../../../src/validate/apply-defaults.js";
import { validate } from "../../../src/validate/validate.js";

const schema = operationTable.falAiFluxProKontextMax.body.schema;
const valid = { prompt: "p", image_url: "https://x.test/a.png", output_format: "jpeg" };

describe("validate against the generated Kontext [max] table", () => {
  it("accepts a valid body", () => {
    expect(
      validate(
        { ...valid, num_images: 4, guidance_scale: 1, aspect_ratio: "9:21", safety_tolerance: "6" },
        schema,
      ),
    ).toEqual([]);
  });

  it("lists every problem with its field path: missing required fields first, then in the caller's order", () => {
    const issues = validate(
      {
        image_url: 3,
        num_images: 5,
        guidance_scale: 0.5,
        aspect_ratio: "5:4",
        output_format: "gif",
        seed: 1.5,
      },
      schema,
    );
    expect(issues).toEqual([
      { path: "prompt", message: "is required" },
      { path: "image_url", message: "must be a string, got 3" },
      { path: "num_images", message: "must be <= 4, got 5" },
      { path: "guidance_scale", message: "must be >= 1, got 0.5" },
      {
        path: "aspect_ratio",
        message:
          'must be one of "21:9", "16:9", "4:3", "3:2", "1:1", "2:3", "3:4", "9:16", "9:21", got "5:4"',
      },
      { path: "output_format", message: 'must be one of "jpeg", "png", got "gif"' },
      { path: "seed", message: "must be an integer, got 1.5" },
    ]);
  });

  it("catches the export's own example mistake: safety_tolerance as a number", () => {
    expect(validate({ ...valid, safety_tolerance: 2 }, schema)).toEqual([
      { path: "safety_tolerance", message: "must be a string, got 2" },
    ]);
  });

  it("names unknown fields and suggests the one meant", () => {
    expect(validate({ ...valid, aspectRatio: "1:1" }, schema)).toEqual([
      { path: "aspectRatio", message: "is not a known field; did you mean aspect_ratio?" },
    ]);
    expect(validate({ ...valid, aspectRatio: "1:1" }, schema, { rejectUnknown: false })).toEqual(
      [],
    );
  });

  it("treats a field named like an Object.prototype member as unknown, not as declared", () => {
    // `properties.constructor` reads the prototype's function: such a field used to pass unchecked.
    for (const name of ["constructor", "toString", "__proto__", "hasOwnProperty"]) {
      const body = JSON.parse(JSON.stringify(valid)) as Record<string, unknown>;
      Object.defineProperty(body, name, { value: "x", enumerable: true });
      expect(validate(body, schema)).toEqual([
        { path: name, message: expect.stringContaining("is not a known field") },
      ]);
    }
  });

  it("fills a required field the spec gives a default, and nothing else", () => {
    expect(fillRequiredDefaults({ prompt: "p", image_url: "u" }, schema)).toEqual({
      prompt: "p",
      image_url: "u",
      output_format: "jpeg",
    });
  });

  it("checks nested arrays, lengths and nullability", () => {
    const nested = {
      type: "object",
      properties: {
        tags: { type: "array", maxItems: 2, items: { type: "string", minLength: 2 } },
        note: { type: "string", nullable: true },
      },
    } as const;
    expect(validate({ tags: ["ok", "x", "yy"], note: null }, nested)).toEqual([
      { path: "tags", message: "must have at most 2 items, got 3" },
      { path: "tags.1", message: "must be at least 2 characters" },
    ]);
  });
});
