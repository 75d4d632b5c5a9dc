import { describe, expect, it } from "vitest";
import { convertApifoxEnums } from "../../../scripts/lib/normalize/apifox-enums.js";
import {
  assignOperationIds,
  deriveOperationId,
} from "../../../scripts/lib/normalize/assign-operation-ids.js";
import { openEmptyResponses } from "../../../scripts/lib/normalize/open-empty-responses.js";
import { reconcileExamples } from "../../../scripts/lib/normalize/reconcile-examples.js";
import { requireRequestBodies } from "../../../scripts/lib/normalize/require-request-body.js";
import { stripApifoxExtensions } from "../../../scripts/lib/normalize/strip-apifox-extensions.js";
import { codes, collector } from "../../helpers/diagnostics.js";

const body = (schema: object, extra: object = {}) => ({
  requestBody: {
    content: { "application/json": { schema, ...extra } as { schema: object; example?: unknown } },
  },
});

describe("assignOperationIds", () => {
  it.each([
    ["post", "/fal-ai/flux-pro/kontext/max", "falAiFluxProKontextMax"],
    [
      "get",
      "/fal-ai/flux-pro/requests/{request_id}/status",
      "getFalAiFluxProRequestsByRequestIdStatus",
    ],
    ["put", "/v1/2d-render", "putV12dRender"],
    ["post", "/3d", "op3d"],
  ])("derives %s %s -> %s from the path alone", (method, path, expected) => {
    expect(deriveOperationId(method, path)).toBe(expected);
  });

  it("keeps existing ids and reports collisions as errors", () => {
    const document = {
      paths: {
        "/a-b": { post: {} },
        "/a/b": { post: {} },
        "/c": { get: { operationId: "mine" } },
      },
    };
    const diagnostics = collector();
    assignOperationIds(document, diagnostics);
    expect((document.paths["/c"].get as { operationId: string }).operationId).toBe("mine");
    expect(codes(diagnostics)).toEqual([
      "missing-operation-id",
      "missing-operation-id",
      "duplicate-operation-id",
    ]);
  });
});

describe("requireRequestBodies", () => {
  it("marks a body with required properties as required, and only that", () => {
    const document = {
      paths: {
        "/a": { post: body({ type: "object", required: ["x"] }) },
        "/b": { post: body({ type: "object" }) },
      },
    };
    const diagnostics = collector();
    requireRequestBodies(document, diagnostics);
    expect(document.paths["/a"].post.requestBody).toHaveProperty("required", true);
    expect(document.paths["/b"].post.requestBody).not.toHaveProperty("required");
    expect(codes(diagnostics)).toEqual(["request-body-not-required"]);
  });
});

describe("convertApifoxEnums and stripApifoxExtensions", () => {
  it("turns x-apifox-enum into enum with per-value names and docs, then drops apifox metadata", () => {
    const schema = {
      type: "string",
      "x-apifox-enum": [
        { value: "a", name: "Alpha", description: "first" },
        { value: "b", name: "", description: "" },
      ],
      "x-apifox-orders": ["a"],
    };
    const document = {
      paths: {
        "/x": {
          post: { ...body({ type: "object", properties: { p: schema } }), "x-run-in-apifox": "u" },
        },
      },
    };
    const diagnostics = collector();
    convertApifoxEnums(document, diagnostics);
    stripApifoxExtensions(document, diagnostics);
    expect(schema).toEqual({
      type: "string",
      enum: ["a", "b"],
      "x-enum-varnames": ["Alpha", ""],
      "x-enum-descriptions": ["first", ""],
    });
    expect(document.paths["/x"].post).not.toHaveProperty("x-run-in-apifox");
    expect(codes(diagnostics)).toEqual([
      "apifox-enum",
      "apifox-extension",
      "apifox-extension",
      "apifox-extension",
    ]);
  });
});

describe("openEmptyResponses", () => {
  it("types an object response with no properties as an open object", () => {
    const schema = { type: "object", properties: {} };
    const document = {
      paths: {
        "/x": { post: { responses: { "200": { content: { "application/json": { schema } } } } } },
      },
    };
    openEmptyResponses(document, collector());
    expect(schema).toEqual({ type: "object", additionalProperties: true });
  });
});

describe("reconcileExamples", () => {
  it("coerces examples to their type and drops those outside the enum or range", () => {
    const example = { t: 2, n: "3", r: "string", big: 9, keep: "x" };
    const schema = {
      type: "object",
      properties: {
        t: { type: "string" },
        n: { type: "integer" },
        r: { type: "string", enum: ["1:1"] },
        big: { type: "integer", maximum: 4 },
        keep: { type: "string" },
      },
    };
    const document = { paths: { "/x": { post: body(schema, { example }) } } };
    const diagnostics = collector();
    reconcileExamples(document, diagnostics);
    expect(document.paths["/x"].post.requestBody.content["application/json"].example).toEqual({
      t: "2",
      n: 3,
      keep: "x",
    });
    expect(codes(diagnostics)).toEqual([
      "example-type-mismatch",
      "example-type-mismatch",
      "example-not-in-enum",
      "example-out-of-range",
    ]);
  });
});
