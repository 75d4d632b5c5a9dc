import { describe, expect, it } from "vitest";
import { compareDocuments } from "../../../scripts/lib/diff/compare-document.js";
import type { JsonObject } from "../../../scripts/lib/openapi-walk.js";

/** POST /x taking `{ a }` in a query parameter and in its body, answering `{ a }` and header `A`. */
function contract(a: JsonObject): JsonObject {
  const body = { type: "object", properties: { a } };
  return {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: {
      "/x": {
        post: {
          operationId: "x",
          parameters: [{ name: "a", in: "query", schema: a }],
          requestBody: { required: true, content: { "application/json": { schema: body } } },
          responses: {
            "200": {
              description: "",
              headers: { A: { schema: a } },
              content: { "application/json": { schema: body } },
            },
          },
        },
      },
    },
  };
}

function levels(before: JsonObject, after: JsonObject): string[] {
  return compareDocuments(contract(before), contract(after))
    .map((c) => `${c.id}: ${c.level}`)
    .sort();
}

// oasdiff's reading (checker/check_request_property_type_changed.go and its response twin): a
// request that accepts every value it did is generalized (info), a response that returns only
// values it did is specialized (info); each the other way round breaks callers.
describe("a type or format change, by what callers can still send and read", () => {
  it.each<[JsonObject, JsonObject]>([
    [{ type: "integer" }, { type: "number" }],
    [
      { type: "integer", format: "int32" },
      { type: "number", format: "int32" },
    ],
    [
      { type: "integer", format: "int32" },
      { type: "integer", format: "int64" },
    ],
    [
      { type: "number", format: "float" },
      { type: "number", format: "double" },
    ],
    [
      { type: "string", format: "date" },
      { type: "string", format: "date-time" },
    ],
    [{ type: "integer" }, { type: ["integer", "string"] }],
    [{ type: "string", format: "uuid" }, { type: "string" }],
    [{ type: "integer", format: "int64" }, { type: "number" }],
  ])("%j -> %j is generalized in a request, and breaking in a response", (from, to) => {
    expect(levels(from, to)).toEqual([
      "request-parameter-type-generalized: info",
      "request-property-type-generalized: info",
      "response-header-type-changed: breaking",
      "response-property-type-changed: breaking",
    ]);
    // And back again: breaking in a request, specialized in a response.
    expect(levels(to, from)).toEqual([
      "request-parameter-type-changed: breaking",
      "request-property-type-changed: breaking",
      "response-header-type-specialized: info",
      "response-property-type-specialized: info",
    ]);
  });

  it.each<[JsonObject, JsonObject]>([
    [{ type: "integer" }, { type: "string" }],
    [
      { type: "integer", format: "int32" },
      { type: "number", format: "double" },
    ],
  ])("%j -> %j breaks callers both ways", (from, to) => {
    const breaking = [
      "request-parameter-type-changed: breaking",
      "request-property-type-changed: breaking",
      "response-header-type-changed: breaking",
      "response-property-type-changed: breaking",
    ];
    expect(levels(from, to)).toEqual(breaking);
    expect(levels(to, from)).toEqual(breaking);
  });
});
