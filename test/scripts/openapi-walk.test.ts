import { describe, expect, it } from "vitest";
import { toPointer } from "../../scripts/lib/json-pointer.js";
import { walkSchema, walkSchemas, type JsonObject } from "../../scripts/lib/openapi-walk.js";

const leaf = (type: string) => ({ type });

const document: JsonObject = {
  paths: {
    "/a/{id}": {
      parameters: [{ name: "shared", in: "query", schema: leaf("string") }],
      get: {
        parameters: [{ $ref: "#/components/parameters/P" }, { name: "id", schema: leaf("string") }],
        responses: {
          "200": {
            content: { "application/json": { schema: { $ref: "#/components/schemas/S" } } },
          },
          default: { description: "no content" },
        },
      },
      post: {
        requestBody: {
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: { "a/b": leaf("string"), "c~d": { $ref: "#/x" }, e: leaf("integer") },
                additionalProperties: leaf("number"),
              },
            },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      S: {
        allOf: [{ $ref: "#/components/schemas/T" }, { items: leaf("string"), not: leaf("null") }],
        oneOf: [leaf("boolean")],
        anyOf: [leaf("integer")],
      },
    },
  },
};

function pointersVisited(
  visitFrom: (visit: (s: JsonObject, at: readonly (string | number)[]) => void) => void,
) {
  const seen: string[] = [];
  visitFrom((_schema, at) => seen.push(toPointer(at)));
  return seen;
}

describe("walkSchemas", () => {
  it("visits every inline schema in document order with its own pointer, never through a $ref", () => {
    expect(pointersVisited((visit) => walkSchemas(document, visit))).toEqual([
      "#/paths/~1a~1{id}/get/parameters/1/schema",
      "#/paths/~1a~1{id}/post/requestBody/content/application~1json/schema",
      "#/paths/~1a~1{id}/post/requestBody/content/application~1json/schema/properties/a~1b",
      "#/paths/~1a~1{id}/post/requestBody/content/application~1json/schema/properties/e",
      "#/paths/~1a~1{id}/post/requestBody/content/application~1json/schema/additionalProperties",
      "#/components/schemas/S",
      "#/components/schemas/S/allOf/1",
      "#/components/schemas/S/allOf/1/items",
      "#/components/schemas/S/allOf/1/not",
      "#/components/schemas/S/oneOf/0",
      "#/components/schemas/S/anyOf/0",
    ]);
  });

  it("hands the visitor the schema that its pointer names", () => {
    const pairs: [JsonObject, readonly (string | number)[]][] = [];
    walkSchemas(document, (schema, at) => pairs.push([schema, [...at]]));
    for (const [schema, at] of pairs) {
      const named = at.reduce<unknown>((node, key) => (node as JsonObject)[key], document);
      expect(named).toBe(schema);
    }
    expect(pairs).toHaveLength(11);
  });

  it("sees the children a visitor leaves on its schema after visiting it", () => {
    const grown: JsonObject = { components: { schemas: { G: { type: "object" } } } };
    const seen: string[] = [];
    walkSchemas(grown, (schema, at) => {
      seen.push(toPointer(at));
      if (at.length === 3) schema.properties = { added: leaf("string") };
    });
    expect(seen).toEqual(["#/components/schemas/G", "#/components/schemas/G/properties/added"]);
  });
});

describe("walkSchema", () => {
  it("starts its pointers at the path it is given and leaves that array untouched", () => {
    const start = ["components", "schemas", "S"];
    const seen = pointersVisited((visit) =>
      walkSchema((document as any).components.schemas.S, start, visit),
    );
    expect(seen[0]).toBe("#/components/schemas/S");
    expect(seen).toHaveLength(6);
    expect(start).toEqual(["components", "schemas", "S"]);
  });
});
