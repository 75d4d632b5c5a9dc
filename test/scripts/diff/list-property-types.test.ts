import { describe, expect, it } from "vitest";
import { operationTypes } from "../../../scripts/lib/diff/list-property-types.js";
import type { JsonObject } from "../../../scripts/lib/openapi-walk.js";

/**
 * Layer i is two components, each a union of both components of layer i+1 with one field of
 * its own: a union of unions, distributed over each level's own properties.
 */
function fanningUnions(layers: number): JsonObject {
  const schemas: JsonObject = {};
  for (let i = 0; i < layers; i++)
    for (const side of ["A", "B"]) {
      const next = i + 1 < layers ? [`A${i + 1}`, `B${i + 1}`] : [];
      schemas[`${side}${i}`] = {
        type: "object",
        properties: { [`f${i}`]: { type: "string" } },
        ...(next.length > 0
          ? { oneOf: next.map((name) => ({ $ref: `#/components/schemas/${name}` })) }
          : {}),
      };
    }
  return {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: {
      "/x": {
        post: {
          responses: {
            "200": {
              description: "",
              content: { "application/json": { schema: { $ref: "#/components/schemas/A0" } } },
            },
          },
        },
      },
    },
    components: { schemas },
  };
}

describe("listing each operation's property types", () => {
  it("names union members' fields by component, through nested unions", () => {
    const types = operationTypes(fanningUnions(3)).get("POST /x")!;
    // A union's own fields belong to each of its members, as callers read them (`f0 & (A1 | B1)`).
    expect([...types.keys()].sort()).toEqual([
      "output 200<A1><A2>.f0",
      "output 200<A1><A2>.f1",
      "output 200<A1><A2>.f2",
      "output 200<A1><B2>.f0",
      "output 200<A1><B2>.f1",
      "output 200<A1><B2>.f2",
      "output 200<B1><A2>.f0",
      "output 200<B1><A2>.f1",
      "output 200<B1><A2>.f2",
      "output 200<B1><B2>.f0",
      "output 200<B1><B2>.f1",
      "output 200<B1><B2>.f2",
    ]);
  });
});
