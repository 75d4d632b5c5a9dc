import { describe, expect, it } from "vitest";
import { buildContract } from "../../../scripts/lib/build-contract.js";
import type { JsonObject } from "../../../scripts/lib/openapi-walk.js";

/** The request body schema after the pipeline, for a spec whose body is `schema` (as JSON). */
function bodyOf(schema: object, openapi = "3.1.0") {
  const result = buildContract({
    name: "spec.json",
    text: JSON.stringify({
      openapi,
      info: { title: "t", version: "1" },
      servers: [{ url: "https://api.example.com" }],
      paths: {
        "/x": {
          post: {
            requestBody: { required: true, content: { "application/json": { schema } } },
            responses: { "200": { description: "ok" } },
          },
        },
      },
    }),
  });
  const paths = result.document?.paths as JsonObject;
  const body = (paths["/x"] as { post: { requestBody: { content: JsonObject } } }).post.requestBody;
  return {
    schema: (body.content["application/json"] as { schema: JsonObject }).schema,
    warnings: result.diagnostics.filter((d) => d.severity === "warning").map((d) => d.code),
  };
}

describe("schema shapes are rewritten into one form, accepting the same values", () => {
  it("reads a 3.1 type array with null as the type plus nullable", () => {
    const { schema } = bodyOf({ type: ["object", "null"], properties: {} });
    expect(schema).toMatchObject({ type: "object", nullable: true });
  });

  it("reads several non-null types as an anyOf of one type each", () => {
    const { schema } = bodyOf({
      type: "object",
      properties: { n: { type: ["integer", "string"] } },
    });
    expect((schema.properties as JsonObject).n).toEqual({
      anyOf: [{ type: "integer" }, { type: "string" }],
    });
  });

  it("turns a bare {type: null} member of a oneOf into nullable on the union", () => {
    const { schema } = bodyOf({ oneOf: [{ type: "object", properties: {} }, { type: "null" }] });
    expect(schema).toEqual({ oneOf: [{ type: "object", properties: {} }], nullable: true });
  });

  it("lets a field typed 'null' (apifox's null example) accept any value, with a warning", () => {
    const { schema, warnings } = bodyOf(
      { type: "object", properties: { seed: { type: "null" } } },
      "3.0.1",
    );
    expect((schema.properties as JsonObject).seed).toEqual({ nullable: true });
    expect(warnings).toContain("type-null");
  });

  it("reads const as a one-value enum", () => {
    const { schema } = bodyOf({ type: "object", properties: { m: { const: "fast" } } });
    expect((schema.properties as JsonObject).m).toEqual({ enum: ["fast"] });
  });

  it("moves a property's own `required: true` into its parent's list, with a warning", () => {
    const { schema, warnings } = bodyOf(
      {
        type: "object",
        required: ["a"],
        properties: {
          a: { type: "string" },
          b: { type: "string", required: true },
          c: { type: "string", required: false },
        },
      },
      "3.0.1",
    );
    expect(schema.required).toEqual(["a", "b"]);
    expect(schema.properties).toEqual({
      a: { type: "string" },
      b: { type: "string" },
      c: { type: "string" },
    });
    expect(warnings.filter((w) => w === "property-required-boolean")).toHaveLength(1);
  });
});
