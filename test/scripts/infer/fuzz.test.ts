/**
 * Property-based: whatever a description says, what inference applies is a constraint a
 * request can satisfy. Random text, text assembled from the words the rules look for, and the
 * adversarial classes of the prose bench all go through the real stage.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inferConstraints } from "../../../scripts/lib/infer/infer-constraints.js";
import { parseProse } from "../../../scripts/lib/infer/parse-prose.js";
import type { JsonObject } from "../../../scripts/lib/openapi-walk.js";
import { ADVERSARIAL_PROSE, sized } from "../../helpers/adversarial-prose.js";
import { collector } from "../../helpers/diagnostics.js";

const VOCABULARY = [
  "range",
  "Range value",
  "value range",
  "between",
  "from",
  "to",
  "and",
  "or",
  "min",
  "minimum",
  "max",
  "maximum",
  "at least",
  "at most",
  "up to",
  "default",
  "defaults to",
  "Default:",
  "the default value is",
  "enum",
  "one of",
  "Optional values:",
  "options",
  "values",
  "e.g.",
  "for example",
  "characters",
  "length",
  "items",
  "etc",
  "URL",
  "取值范围",
  "范围",
  "默认值",
  "默认为",
  "可选值",
  "最小值",
  "最大值",
  "长度",
  "字符",
  "至",
  "、",
  "，",
  "：",
  ":",
  ",",
  "-",
  "~",
  "|",
  "(",
  ")",
  "[",
  "]",
  ";",
  ".",
  "\n",
  ">=",
  "<=",
  "0",
  "1",
  "-1",
  "4",
  "2",
  "20",
  "1.5",
  "-0.5",
  "1e308",
  "1e-7",
  "9007199254740993",
  "0.1234567890123456789",
  "true",
  "false",
  '"jpeg"',
  "'png'",
  "`square_hd`",
  "“a”",
  "16:9",
  "low",
  "high",
  "<name>",
  "the",
  "  ",
];

const prose = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 24 }).map((words) => words.join(" ")),
  fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 24 }).map((words) => words.join("")),
);

const schemaType = fc.constantFrom(
  "integer",
  "number",
  "string",
  "boolean",
  "array",
  "object",
  undefined,
);

/** A property as an export states it: a type, and maybe consistent explicit bounds. */
const property = fc
  .record({
    type: schemaType,
    description: prose,
    explicitMin: fc.option(fc.integer({ min: -10, max: 10 }), { nil: undefined }),
    span: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
  })
  .map(({ type, description, explicitMin, span }) => {
    const schema: JsonObject = { description };
    if (type !== undefined) schema.type = type;
    if (explicitMin !== undefined && (type === "integer" || type === "number")) {
      schema.minimum = explicitMin;
      if (span !== undefined) schema.maximum = explicitMin + span;
    }
    if (explicitMin !== undefined && (type === "string" || type === "array") && explicitMin >= 0) {
      schema[type === "string" ? "maxLength" : "maxItems"] = explicitMin;
    }
    return schema;
  });

function infer(schema: JsonObject): JsonObject {
  inferConstraints({ components: { schemas: { P: schema } } }, collector());
  return schema;
}

const PAIRS = [
  ["minimum", "maximum"],
  ["minLength", "maxLength"],
  ["minItems", "maxItems"],
] as const;

/** The invariants issue 10 lists: every applied constraint can be satisfied. */
function expectSatisfiable(schema: JsonObject): void {
  for (const [low, high] of PAIRS) {
    for (const key of [low, high]) {
      const bound = schema[key];
      if (bound === undefined) continue;
      expect(Number.isFinite(bound), `${key} finite`).toBe(true);
      if (key !== "minimum" && key !== "maximum") {
        expect(Number.isInteger(bound) && (bound as number) >= 0, `${key} >= 0`).toBe(true);
      } else if (schema.type === "integer") {
        expect(Number.isInteger(bound), `${key} integer`).toBe(true);
      }
    }
    if (typeof schema[low] === "number" && typeof schema[high] === "number")
      expect(schema[low] as number, `${low} <= ${high}`).toBeLessThanOrEqual(
        schema[high] as number,
      );
  }
  if (Array.isArray(schema.enum)) {
    expect(schema.enum.length).toBeGreaterThan(0);
    for (const value of schema.enum) expectInside(schema, value, "enum value");
  }
  if ("default" in schema) {
    expectInside(schema, schema.default, "default");
    if (Array.isArray(schema.enum)) expect(schema.enum).toContain(schema.default);
  }
}

function expectInside(schema: JsonObject, value: unknown, what: string): void {
  if (typeof value === "number") {
    expect(Number.isFinite(value), `${what} finite`).toBe(true);
    if (schema.type === "integer") expect(Number.isInteger(value), `${what} integer`).toBe(true);
    if (typeof schema.minimum === "number")
      expect(value, what).toBeGreaterThanOrEqual(schema.minimum);
    if (typeof schema.maximum === "number") expect(value, what).toBeLessThanOrEqual(schema.maximum);
  }
  if (typeof value === "string") {
    if (typeof schema.minLength === "number")
      expect(value.length, what).toBeGreaterThanOrEqual(schema.minLength);
    if (typeof schema.maxLength === "number")
      expect(value.length, what).toBeLessThanOrEqual(schema.maxLength);
  }
}

describe("prose inference under random and adversarial text", () => {
  it("never throws and only applies constraints a request can satisfy", () => {
    fc.assert(
      fc.property(property, (schema) => expectSatisfiable(infer(schema))),
      { numRuns: 3000 },
    );
  });

  it("reads bounds that are ordered and finite numbers", () => {
    fc.assert(
      fc.property(prose, (text) => {
        const { range } = parseProse(text);
        if (range?.min !== undefined)
          expect(range.min).toMatch(/^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/);
        if (range?.max !== undefined)
          expect(range.max).toMatch(/^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/);
      }),
      { numRuns: 3000 },
    );
  });

  it.each(Object.keys(ADVERSARIAL_PROSE))("parses the adversarial class %s", (name) => {
    for (const type of ["integer", "string", "array"]) {
      const description = sized(ADVERSARIAL_PROSE[name]!, 20_000);
      expectSatisfiable(infer({ type, description }));
    }
  });
});
