import { describe, expect, it } from "vitest";
import { compareDocuments } from "../../../scripts/lib/diff/compare-document.js";
import type { JsonObject } from "../../../scripts/lib/openapi-walk.js";
import { contract, withHeaders } from "./pairs/oasdiff-rule-pairs.js";
import { edited } from "./pairs/pair.js";
import { PARITY_PAIRS } from "./pairs/parity-pairs.js";

/** The gaps a caller feels: each must stay breaking. */
const BREAKING = new Set([
  "request-property-pattern-added",
  "response-property-const-changed",
  "request-body-media-type-schema-added",
  "required-response-header-removed",
  "response-header-became-optional",
  "response-header-type-changed",
  "response-header-became-nullable",
  "request-property-exclusive-max-decreased",
  "request-parameter-exclusive-min-increased",
  "response-property-exclusive-max-increased",
  "request-property-if-added",
  "response-property-dependent-required-removed",
  "request-property-unevaluated-properties-added",
  "response-body-content-media-type-changed",
  "request-required-property-became-not-read-only",
  "response-required-property-became-write-only",
  "request-body-discriminator-mapping-changed",
  "response-property-discriminator-property-name-changed",
  "request-parameter-style-changed",
  "request-parameter-explode-changed",
]);

describe("rules closing oasdiff's gaps", () => {
  it.each(PARITY_PAIRS.map((p) => [p.expected[0]!, p] as const))(
    "reports %s, with its level, on the operation it changed",
    (rule, pair) => {
      const changes = compareDocuments(pair.base, pair.head);
      expect(changes.map((c) => c.id)).toEqual(pair.expected);
      const change = changes[0];
      // Global security is document-wide: no operation.
      const operation = rule.startsWith("api-global-")
        ? " "
        : pair.base.paths && "/q" in (pair.base.paths as JsonObject)
          ? "GET /q"
          : "POST /x";
      expect(`${change!.method} ${change!.path}`).toBe(operation);
      if (BREAKING.has(rule)) expect(change!.level).toBe("breaking");
    },
  );

  it("reads a response header's removal under another case as no change", () => {
    const base = withHeaders({ "X-Request-Id": { required: true, schema: { type: "string" } } });
    const head = withHeaders({ "x-request-id": { required: true, schema: { type: "string" } } });
    expect(compareDocuments(base, head)).toEqual([]);
  });

  it("ignores a Content-Type response header, which the media type states", () => {
    const base = withHeaders({ "Content-Type": { required: true, schema: { type: "string" } } });
    expect(compareDocuments(base, withHeaders({}))).toEqual([]);
  });

  it("follows a response header's $ref, and finds nothing when only the reference moved", () => {
    const header = { required: true, schema: { type: "string" } };
    const base = withHeaders({ "X-Id": header });
    const head = edited(withHeaders({ "X-Id": { $ref: "#/components/headers/Id" } }), (d) => {
      d.components.headers = { Id: header };
    });
    expect(compareDocuments(base, head)).toEqual([]);
  });

  it("reports nothing for reordered keywords, a widened pattern's removal aside", () => {
    const before = {
      type: "object",
      properties: { a: { type: "string", pattern: "^a", maxLength: 5 } },
    };
    const after = {
      properties: { a: { maxLength: 5, pattern: "^a", type: "string" } },
      type: "object",
    };
    expect(compareDocuments(contract(before), contract(after))).toEqual([]);
    const widened = { type: "object", properties: { a: { type: "string", maxLength: 5 } } };
    expect(compareDocuments(contract(before), contract(widened)).map((c) => c.level)).toEqual([
      "info",
    ]);
  });

  it("does not call a const the same value written as an enum of one a change", () => {
    const a = { type: "object", properties: { kind: { type: "string", const: "cat" } } };
    const b = { type: "object", properties: { kind: { type: "string", enum: ["cat"] } } };
    expect(compareDocuments(contract(a, a), contract(b, b))).toEqual([]);
  });

  it("keeps an enum that grows from one value a widening, not a replaced constant", () => {
    const a = { type: "object", properties: { kind: { type: "string", enum: ["cat"] } } };
    const b = { type: "object", properties: { kind: { type: "string", enum: ["cat", "dog"] } } };
    expect(compareDocuments(contract(a), contract(b)).map((c) => c.id)).toEqual([
      "request-property-enum-value-added",
    ]);
  });

  it("compares 3.0's boolean exclusiveMaximum as no bound of its own", () => {
    const a = { type: "integer", maximum: 5 };
    const b = { type: "integer", maximum: 5, exclusiveMaximum: false };
    expect(compareDocuments(contract(a), contract(b))).toEqual([]);
  });

  it("reports a new optional response header as info only", () => {
    const head = withHeaders({ "X-Id": { schema: { type: "string" } } });
    expect(compareDocuments(withHeaders({}), head).map((c) => [c.id, c.level])).toEqual([
      ["response-header-added", "info"],
    ]);
  });

  it("ignores what callers never see: readOnly request properties, writeOnly response ones", () => {
    const id = { type: "string", readOnly: true };
    const secret = { type: "string", writeOnly: true };
    const before = { type: "object", properties: { a: { type: "string" } } };
    const request = { ...before, properties: { a: { type: "string" }, id }, required: ["id"] };
    const response = {
      ...before,
      properties: { a: { type: "string" }, secret },
      required: ["secret"],
    };
    expect(compareDocuments(contract(before, before), contract(request, response))).toEqual([]);
    const narrowed = {
      ...request,
      properties: { ...request.properties, id: { ...id, maxLength: 3 } },
    };
    expect(compareDocuments(contract(request), contract(narrowed))).toEqual([]);
  });

  it("reads a scalar parameter's style and explode as no change: one value is written alike", () => {
    const scalar = (more: JsonObject) => ({
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: {
        "/q": {
          get: {
            parameters: [{ name: "q", in: "query", schema: { type: "string" }, ...more }],
            responses: {},
          },
        },
      },
    });
    expect(compareDocuments(scalar({}), scalar({ style: "form", explode: false }))).toEqual([]);
    expect(compareDocuments(scalar({}), scalar({ style: "form", explode: true }))).toEqual([]);
  });

  it("reads a discriminator mapping that names a renamed component of the same shape as no change", () => {
    const cat = { type: "object", properties: { kind: { type: "string" } } };
    const doc = (name: string) =>
      edited(
        contract({
          oneOf: [{ $ref: `#/components/schemas/${name}` }],
          discriminator: { propertyName: "kind", mapping: { cat: `#/components/schemas/${name}` } },
        }),
        (d) => (d.components.schemas[name] = cat),
      );
    expect(compareDocuments(doc("Cat"), doc("Feline"))).toEqual([]);
  });

  it("compares a map's value schema, and an open map stays open without a report", () => {
    const map = (value: unknown) => ({ type: "object", additionalProperties: value });
    expect(compareDocuments(contract(map(true)), contract(map({})))).toEqual([]);
    expect(
      compareDocuments(
        contract({}, map({ type: "string" })),
        contract({}, map({ type: "integer" })),
      ).map((c) => [c.id, c.location]),
    ).toEqual([["response-property-type-changed", "*"]]);
  });
});

describe("request media types", () => {
  const body = (type: string, schema: JsonObject) =>
    edited(contract({}), (d) => {
      d.paths["/x"].post.requestBody.content = { [type]: { schema } };
    });
  const str = { type: "string" };

  it("reads a request type now accepted through a wildcard as still accepted", () => {
    expect(
      compareDocuments(body("image/png", str), body("image/*", str)).map((c) => [c.id, c.level]),
    ).toEqual([["request-body-media-type-added", "info"]]);
  });

  it("compares the old type's schema with the wildcard's", () => {
    const ids = compareDocuments(body("image/png", str), body("*/*", { ...str, maxLength: 9 })).map(
      (c) => c.id,
    );
    expect(ids.sort()).toEqual(["request-body-max-length-set", "request-body-media-type-added"]);
  });

  it("still reports a response type behind a wildcard as removed: callers cannot tell what comes", () => {
    const answer = (type: string) =>
      edited(contract({}), (d) => {
        d.paths["/x"].post.responses["200"].content = { [type]: { schema: str } };
      });
    expect(compareDocuments(answer("image/png"), answer("image/*")).map((c) => c.id)).toContain(
      "response-media-type-removed",
    );
  });
});

/** Changes callers feel that were suspected of passing: each is caught, at the place it happened. */
describe("suspected misses", () => {
  const str = { type: "string" };
  const object = (properties: JsonObject, required: string[] = []) => ({
    type: "object",
    properties,
    required,
  });
  const items = (item: JsonObject) => object({ data: { type: "array", items: item } });
  const query = (parameter: JsonObject): JsonObject => ({
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: { "/q": { get: { parameters: [parameter], responses: {} } } },
  });
  it.each([
    [
      "a required field inside a response array's objects, no longer required",
      contract({}, items(object({ url: str }, ["url"]))),
      contract({}, items(object({ url: str }))),
      ["response-property-became-optional", "breaking", "data[].url"],
    ],
    [
      "the same, written inside an allOf",
      contract({}, items({ allOf: [object({ url: str }, ["url"])] })),
      contract({}, items({ allOf: [object({ url: str })] })),
      ["response-property-became-optional", "breaking", "data[].url"],
    ],
    [
      "an enum value removed from a request array's items",
      contract(items({ ...str, enum: ["a", "b"] })),
      contract(items({ ...str, enum: ["a"] })),
      ["request-property-enum-value-removed", "breaking", "data[]"],
    ],
    [
      "a request field's format changed",
      contract(object({ a: { ...str, format: "uri" } })),
      contract(object({ a: { ...str, format: "binary" } })),
      ["request-property-type-changed", "breaking", "a"],
    ],
    [
      "a required parameter moved from the query to a header",
      query({ name: "q", in: "query", required: true, schema: str }),
      query({ name: "q", in: "header", required: true, schema: str }),
      ["new-required-request-parameter", "breaking", "q"],
    ],
  ] as const)("%s", (_name, base, head, [id, level, location]) => {
    const found = compareDocuments(base, head).find((c) => c.id === id);
    expect(found && [found.level, found.location]).toEqual([level, location]);
  });
});
