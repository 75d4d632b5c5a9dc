import { describe, expect, it } from "vitest";
import { holdBackContradicted } from "../../../scripts/lib/infer/hold-back-contradicted.js";
import { inferConstraints } from "../../../scripts/lib/infer/infer-constraints.js";
import type { JsonObject } from "../../../scripts/lib/openapi-walk.js";
import { collector } from "../../helpers/diagnostics.js";

function run(properties: JsonObject, example?: JsonObject): Record<string, JsonObject> {
  const media: JsonObject = { schema: { type: "object", properties } };
  if (example) media.example = example;
  const document = {
    paths: { "/x": { post: { requestBody: { content: { "application/json": media } } } } },
  };
  const diagnostics = collector();
  inferConstraints(document, diagnostics);
  holdBackContradicted(document, diagnostics);
  held = diagnostics.items.filter((d) => d.code === "inferred-held-back").map((d) => d.message);
  return properties as Record<string, JsonObject>;
}
let held: string[] = [];

describe("holdBackContradicted: evidence before application", () => {
  it("drops an inferred enum that the property's own example contradicts, and says which", () => {
    const { size } = run({
      size: { type: "string", description: "one of: small, large", example: "medium" },
    });
    expect(size).not.toHaveProperty("enum");
    expect(size).not.toHaveProperty("x-inferred-from");
    expect(held).toEqual([
      'not applying enum=["small","large"] read from the description: the export\'s own example "medium" contradicts it',
    ]);
  });

  it("drops an inferred range that the operation's request example contradicts, keeping the rest", () => {
    const { steps } = run(
      { steps: { type: "integer", description: "Steps, range: 1-50, default: 28" } },
      { steps: 80 },
    );
    expect(steps).toMatchObject({
      minimum: 1,
      default: 28,
      "x-inferred-keywords": ["minimum", "default"],
    });
    expect(steps).not.toHaveProperty("maximum");
  });

  it('reads an example as the type would (apifox writes 2 for the string "2")', () => {
    const { tolerance } = run(
      { tolerance: { type: "string", description: 'one of: "1", "2", "3"' } },
      { tolerance: 2 },
    );
    expect(tolerance!.enum).toEqual(["1", "2", "3"]);
    expect(held).toEqual([]);
  });

  it("does not take apifox's placeholders (the type's name, an empty string) for evidence", () => {
    const { ratio, name } = run(
      {
        ratio: { type: "string", description: "enumerated values: 16:9, 4:3" },
        name: { type: "string", description: "length 2-8 characters" },
      },
      { ratio: "string", name: "" },
    );
    expect(ratio!.enum).toEqual(["16:9", "4:3"]);
    expect(held).toEqual([]);
    void name;
  });

  it("checks lengths of strings and counts of lists", () => {
    const schemas = (example: boolean) => ({
      code: {
        type: "string",
        description: "Code, 2 to 4 characters",
        ...(example ? { example: "toolong" } : {}),
      },
      tags: {
        type: "array",
        items: { type: "string" },
        description: "Tags, range: 1-2",
        ...(example ? { example: ["a", "b", "c"] } : {}),
      },
    });
    // Without examples the prose applies...
    const plain = run(schemas(false));
    expect(plain.code).toHaveProperty("maxLength", 4);
    expect(plain.tags).toHaveProperty("maxItems", 2);
    // ...and examples that break it hold it back.
    const { code, tags } = run(schemas(true));
    expect(code).not.toHaveProperty("maxLength");
    expect(tags).not.toHaveProperty("maxItems");
    expect(held).toHaveLength(2);
  });
});
