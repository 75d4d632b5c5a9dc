import { describe, expect, it } from "vitest";
import { RULES, type Change } from "../../../scripts/lib/diff/change.js";
import { compareDocuments } from "../../../scripts/lib/diff/compare-document.js";
import type { JsonObject } from "../../../scripts/lib/openapi-walk.js";
import { COMPOSITION_PAIRS } from "./pairs/composition-pairs.js";
import { PARAMETER_PAIRS } from "./pairs/parameter-pairs.js";
import { PARITY_PAIRS } from "./pairs/parity-pairs.js";

/** A minimal normalized contract: one POST /x taking `request` and answering 200 with `response`. */
function contract(
  request: unknown,
  response: unknown = { type: "object", properties: { ok: { type: "boolean" } } },
): JsonObject {
  return {
    openapi: "3.0.1",
    info: { title: "t", version: "1" },
    servers: [{ url: "https://api.example.test" }],
    security: [{ bearer: [] }],
    paths: {
      "/x": {
        post: {
          operationId: "x",
          requestBody: { required: true, content: { "application/json": { schema: request } } },
          responses: {
            "200": { description: "", content: { "application/json": { schema: response } } },
            "422": { description: "" },
          },
        },
      },
    },
    components: { schemas: {}, securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
  };
}

const object = (properties: JsonObject, required: string[] = []) => ({
  type: "object",
  required,
  properties,
});

/** Schema-level changes, tried at the body root and at a property, in requests and responses. */
const SCHEMA_CASES: {
  suffix: string;
  before: JsonObject;
  after: JsonObject;
  only?: "request" | "response";
}[] = [
  { suffix: "type-changed", before: { type: "integer" }, after: { type: "string" } },
  {
    suffix: "type-specialized",
    before: { type: "string" },
    after: { type: "string", format: "date-time" },
    only: "response",
  },
  {
    suffix: "type-generalized",
    before: { type: "string", format: "int64" },
    after: { type: "string" },
    only: "request",
  },
  {
    suffix: "became-enum",
    before: { type: "string" },
    after: { type: "string", enum: ["a", "b"] },
    only: "request",
  },
  {
    suffix: "enum-value-removed",
    before: { type: "string", enum: ["a", "b"] },
    after: { type: "string", enum: ["a"] },
  },
  {
    // Its generated union type and value table disappear: breaking in either direction.
    suffix: "enum-removed",
    before: { type: "string", enum: ["a", "b"] },
    after: { type: "string" },
  },
  {
    // The prose stopped stating a range it used to: the vendor's words changed.
    suffix: "constraint-dropped",
    before: {
      type: "integer",
      maximum: 4,
      "x-inferred-from": "description",
      "x-inferred-keywords": ["maximum"],
    },
    after: { type: "integer" },
  },
  {
    suffix: "enum-value-added",
    before: { type: "string", enum: ["a"] },
    after: { type: "string", enum: ["a", "b"] },
  },
  {
    suffix: "max-decreased",
    before: { type: "integer", maximum: 4 },
    after: { type: "integer", maximum: 2 },
  },
  {
    suffix: "max-increased",
    before: { type: "integer", maximum: 2 },
    after: { type: "integer", maximum: 4 },
  },
  {
    suffix: "max-set",
    before: { type: "integer" },
    after: { type: "integer", maximum: 4 },
    only: "request",
  },
  {
    suffix: "min-increased",
    before: { type: "integer", minimum: 1 },
    after: { type: "integer", minimum: 2 },
  },
  {
    suffix: "min-decreased",
    before: { type: "integer", minimum: 2 },
    after: { type: "integer", minimum: 1 },
  },
  {
    suffix: "min-set",
    before: { type: "integer" },
    after: { type: "integer", minimum: 1 },
    only: "request",
  },
  {
    suffix: "max-length-decreased",
    before: { type: "string", maxLength: 9 },
    after: { type: "string", maxLength: 5 },
  },
  {
    suffix: "max-length-increased",
    before: { type: "string", maxLength: 5 },
    after: { type: "string", maxLength: 9 },
  },
  {
    suffix: "max-length-set",
    before: { type: "string" },
    after: { type: "string", maxLength: 9 },
    only: "request",
  },
  {
    suffix: "max-length-unset",
    before: { type: "string", maxLength: 9 },
    after: { type: "string" },
    only: "response",
  },
  {
    suffix: "min-length-increased",
    before: { type: "string", minLength: 1 },
    after: { type: "string", minLength: 3 },
  },
  {
    suffix: "min-length-decreased",
    before: { type: "string", minLength: 3 },
    after: { type: "string", minLength: 1 },
  },
  {
    suffix: "min-items-increased",
    before: { type: "array", minItems: 1 },
    after: { type: "array", minItems: 2 },
  },
  {
    suffix: "min-items-decreased",
    before: { type: "array", minItems: 2 },
    after: { type: "array", minItems: 1 },
  },
  {
    suffix: "min-items-set",
    before: { type: "array" },
    after: { type: "array", minItems: 1 },
    only: "request",
  },
  {
    suffix: "min-items-unset",
    before: { type: "array", minItems: 1 },
    after: { type: "array" },
    only: "response",
  },
  {
    suffix: "max-items-decreased",
    before: { type: "array", maxItems: 4 },
    after: { type: "array", maxItems: 2 },
  },
  {
    suffix: "max-items-increased",
    before: { type: "array", maxItems: 2 },
    after: { type: "array", maxItems: 4 },
  },
  {
    suffix: "max-items-set",
    before: { type: "array" },
    after: { type: "array", maxItems: 4 },
    only: "request",
  },
  {
    suffix: "became-nullable",
    before: { type: "string" },
    after: { type: "string", nullable: true },
  },
  {
    suffix: "became-not-nullable",
    before: { type: "string", nullable: true },
    after: { type: "string" },
  },
  {
    suffix: "default-value-added",
    before: { type: "string" },
    after: { type: "string", default: "a" },
  },
  {
    suffix: "default-value-removed",
    before: { type: "string", default: "a" },
    after: { type: "string" },
  },
  {
    suffix: "default-value-changed",
    before: { type: "string", default: "a" },
    after: { type: "string", default: "b" },
  },
  {
    suffix: "one-of-added",
    before: { oneOf: [{ type: "string" }] },
    after: { oneOf: [{ type: "string" }, { type: "integer" }] },
  },
  {
    suffix: "one-of-removed",
    before: { oneOf: [{ type: "string" }, { type: "integer" }] },
    after: { oneOf: [{ type: "string" }] },
  },
  {
    suffix: "any-of-added",
    before: { anyOf: [{ type: "string" }] },
    after: { anyOf: [{ type: "string" }, { type: "integer" }] },
  },
  {
    suffix: "any-of-removed",
    before: { anyOf: [{ type: "string" }, { type: "integer" }] },
    after: { anyOf: [{ type: "string" }] },
  },
  {
    suffix: "min-length-set",
    before: { type: "string" },
    after: { type: "string", minLength: 1 },
    only: "request",
  },
];

interface Pair {
  name: string;
  base: JsonObject;
  head: JsonObject;
  expected: string[];
}

function schemaPairs(): Pair[] {
  const pairs: Pair[] = [];
  for (const c of SCHEMA_CASES) {
    for (const direction of ["request", "response"] as const) {
      if (c.only && c.only !== direction) continue;
      const place = (schema: JsonObject, atRoot: boolean) => {
        const subject = atRoot ? schema : object({ p: schema });
        return direction === "request" ? contract(subject) : contract(object({}), subject);
      };
      pairs.push({
        name: `${direction} body ${c.suffix}`,
        base: place(c.before, true),
        head: place(c.after, true),
        expected: [`${direction}-body-${c.suffix}`],
      });
      pairs.push({
        name: `${direction} property ${c.suffix}`,
        base: place(c.before, false),
        head: place(c.after, false),
        expected: [`${direction}-property-${c.suffix}`],
      });
    }
  }
  return pairs;
}

const base = contract(
  object({ a: { type: "string" } }, ["a"]),
  object({ r: { type: "string" }, o: { type: "string" } }, ["r"]),
);
const edit = (change: (doc: any) => void): JsonObject => {
  const doc = structuredClone(base);
  change(doc);
  return doc;
};
const requestSchema = (doc: any) =>
  doc.paths["/x"].post.requestBody.content["application/json"].schema;
const responseSchema = (doc: any) =>
  doc.paths["/x"].post.responses["200"].content["application/json"].schema;

/** `{p: {p: … {type}}}`, `layers` objects deep: past the depth the diff compares. */
const nestedProperty = (layers: number, type: string): JsonObject => {
  let schema: JsonObject = { type };
  for (let i = 0; i < layers; i++) schema = object({ p: schema });
  return schema;
};

const STRUCTURE_PAIRS: Pair[] = [
  {
    name: "a change nested deeper than the diff compares: cut short, not passed",
    base: contract(nestedProperty(20, "string")),
    head: contract(nestedProperty(20, "integer")),
    expected: ["schema-comparison-cut-short"],
  },
  {
    name: "a new endpoint",
    base,
    head: edit((d) => (d.paths["/y"] = { get: { operationId: "y", responses: {} } })),
    expected: ["endpoint-added"],
  },
  {
    name: "a removed path",
    base,
    head: edit((d) => delete d.paths["/x"]),
    expected: ["api-path-removed-without-deprecation"],
  },
  {
    name: "a removed deprecated path",
    base: edit((d) => (d.paths["/x"].post.deprecated = true)),
    head: edit((d) => delete d.paths["/x"]),
    expected: ["api-path-removed-with-deprecation"],
  },
  {
    name: "a removed operation on a surviving path",
    base: edit((d) => (d.paths["/x"].get = { responses: {} })),
    head: base,
    expected: ["api-removed-without-deprecation"],
  },
  {
    name: "a removed deprecated operation",
    base: edit((d) => (d.paths["/x"].get = { deprecated: true, responses: {} })),
    head: base,
    expected: ["api-removed-with-deprecation"],
  },
  {
    name: "a deprecation",
    base,
    head: edit((d) => (d.paths["/x"].post.deprecated = true)),
    expected: ["endpoint-deprecated"],
  },
  {
    name: "a renamed operationId",
    base,
    head: edit((d) => (d.paths["/x"].post.operationId = "renamed")),
    expected: ["api-operation-id-removed"],
  },
  {
    name: "a first operationId",
    base: edit((d) => delete d.paths["/x"].post.operationId),
    head: base,
    expected: ["api-operation-id-added"],
  },
  {
    name: "operation security added",
    base,
    head: edit((d) => (d.paths["/x"].post.security = [{ bearer: [] }])),
    expected: ["api-security-added"],
  },
  {
    name: "operation security removed",
    base: edit((d) => (d.paths["/x"].post.security = [{ bearer: [] }])),
    head: base,
    expected: ["api-security-removed"],
  },
  {
    name: "global security added",
    base,
    head: edit((d) => d.security.push({ key: [] })),
    expected: ["api-global-security-added"],
  },
  {
    name: "global security removed",
    base,
    head: edit((d) => (d.security = [])),
    expected: ["api-global-security-removed"],
  },
  {
    name: "a required body on an operation that had none",
    base: edit((d) => delete d.paths["/x"].post.requestBody),
    head: base,
    expected: ["added-required-request-body"],
  },
  {
    name: "an optional body on an operation that had none",
    base: edit((d) => delete d.paths["/x"].post.requestBody),
    head: edit((d) => (d.paths["/x"].post.requestBody.required = false)),
    expected: ["added-optional-request-body"],
  },
  {
    name: "a removed body",
    base,
    head: edit((d) => delete d.paths["/x"].post.requestBody),
    expected: ["request-body-removed"],
  },
  {
    name: "a body that became required",
    base: edit((d) => (d.paths["/x"].post.requestBody.required = false)),
    head: base,
    expected: ["request-body-became-required"],
  },
  {
    name: "a body that became optional",
    base,
    head: edit((d) => (d.paths["/x"].post.requestBody.required = false)),
    expected: ["request-body-became-optional"],
  },
  {
    name: "a new request media type",
    base,
    head: edit(
      (d) =>
        (d.paths["/x"].post.requestBody.content["text/plain"] = { schema: { type: "string" } }),
    ),
    expected: ["request-body-media-type-added"],
  },
  {
    name: "a dropped request media type",
    base: edit(
      (d) =>
        (d.paths["/x"].post.requestBody.content["text/plain"] = { schema: { type: "string" } }),
    ),
    head: base,
    expected: ["request-body-media-type-removed"],
  },
  {
    name: "a new response media type",
    base,
    head: edit((d) => (d.paths["/x"].post.responses["200"].content["text/plain"] = {})),
    expected: ["response-media-type-added"],
  },
  {
    name: "a dropped response media type",
    base: edit((d) => (d.paths["/x"].post.responses["200"].content["text/plain"] = {})),
    head: base,
    expected: ["response-media-type-removed"],
  },
  {
    name: "a new success status",
    base,
    head: edit((d) => (d.paths["/x"].post.responses["202"] = { description: "" })),
    expected: ["response-success-status-added"],
  },
  {
    name: "a removed success status",
    base,
    head: edit((d) => delete d.paths["/x"].post.responses["200"]),
    expected: ["response-success-status-removed"],
  },
  {
    name: "a success status replaced by another, its body compared with the old one's",
    base,
    head: edit((d) => {
      delete responseSchema(d).properties.o;
      const responses = d.paths["/x"].post.responses;
      responses["201"] = responses["200"];
      delete responses["200"];
    }),
    expected: [
      "response-success-status-removed",
      "response-success-status-added",
      "response-optional-property-removed",
    ],
  },
  {
    name: "a new error status",
    base,
    head: edit((d) => (d.paths["/x"].post.responses["429"] = { description: "" })),
    expected: ["response-non-success-status-added"],
  },
  {
    name: "a removed error status",
    base,
    head: edit((d) => delete d.paths["/x"].post.responses["422"]),
    expected: ["response-non-success-status-removed"],
  },
  {
    name: "a new required request field",
    base,
    head: edit((d) => {
      requestSchema(d).properties.b = { type: "string" };
      requestSchema(d).required.push("b");
    }),
    expected: ["new-required-request-property"],
  },
  {
    name: "a new required request field with a default",
    base,
    head: edit((d) => {
      requestSchema(d).properties.b = { type: "string", default: "x" };
      requestSchema(d).required.push("b");
    }),
    // A server that validates `required` rejects callers who omit it, default or not.
    expected: ["new-required-request-property"],
  },
  {
    name: "a new optional request field",
    base,
    head: edit((d) => (requestSchema(d).properties.b = { type: "string" })),
    expected: ["new-optional-request-property"],
  },
  {
    name: "a removed request field",
    base,
    head: edit((d) => {
      delete requestSchema(d).properties.a;
      requestSchema(d).required = [];
    }),
    expected: ["request-property-removed"],
  },
  {
    name: "a request field that became required",
    base: edit((d) => (requestSchema(d).required = [])),
    head: base,
    expected: ["request-property-became-required"],
  },
  {
    name: "a request field with a default that became required",
    base: edit((d) => {
      requestSchema(d).required = [];
      requestSchema(d).properties.a.default = "x";
    }),
    head: edit((d) => (requestSchema(d).properties.a.default = "x")),
    expected: ["request-property-became-required"],
  },
  {
    name: "a request field that became optional",
    base,
    head: edit((d) => (requestSchema(d).required = [])),
    expected: ["request-property-became-optional"],
  },
  {
    name: "a removed required response field",
    base,
    head: edit((d) => {
      delete responseSchema(d).properties.r;
      responseSchema(d).required = [];
    }),
    expected: ["response-required-property-removed"],
  },
  {
    name: "a removed optional response field",
    base,
    head: edit((d) => delete responseSchema(d).properties.o),
    expected: ["response-optional-property-removed"],
  },
  {
    name: "a new required response field",
    base,
    head: edit((d) => {
      responseSchema(d).properties.n = { type: "string" };
      responseSchema(d).required.push("n");
    }),
    expected: ["response-required-property-added"],
  },
  {
    name: "a new optional response field",
    base,
    head: edit((d) => (responseSchema(d).properties.n = { type: "string" })),
    expected: ["response-optional-property-added"],
  },
  {
    name: "a response field that became optional",
    base,
    head: edit((d) => (responseSchema(d).required = [])),
    expected: ["response-property-became-optional"],
  },
  {
    name: "a response field that became required",
    base,
    head: edit((d) => responseSchema(d).required.push("o")),
    expected: ["response-property-became-required"],
  },
  {
    name: "a removed server",
    base,
    head: edit((d) => (d.servers = [{ url: "https://new.example.test" }])),
    expected: ["api-server-removed", "api-server-added"],
  },
  {
    // The ChainHub edition of a vendor page lost its `security:` line, so `- bearer: []` joined
    // `servers` (test/fixtures/vendor-pages/chainhub/api-326486293.md): no URL, no server.
    name: "a servers entry without a url (a broken export's stray line)",
    base,
    head: edit((d) => d.servers.push({ bearer: [] })),
    expected: [],
  },
  {
    name: "a removed security scheme",
    base,
    head: edit((d) => delete d.components.securitySchemes.bearer),
    expected: ["security-scheme-removed"],
  },
  {
    name: "a new security scheme an operation requires",
    base,
    head: edit((d) => {
      d.components.securitySchemes.key = { type: "apiKey", in: "header", name: "X-Key" };
      d.paths["/x"].post.security = [{ bearer: [] }, { key: [] }];
    }),
    expected: ["security-scheme-added", "api-security-added", "api-security-added"],
  },
  {
    // apifox exports hundreds of "combination" schemes nothing uses: their churn is noise.
    name: "security schemes no operation uses, added, removed and changed",
    base: edit((d) => {
      d.components.securitySchemes.gone = { type: "http", scheme: "basic" };
      d.components.securitySchemes.edited = { type: "http", scheme: "basic" };
    }),
    head: edit((d) => {
      d.components.securitySchemes.edited = { type: "http", scheme: "bearer" };
      d.components.securitySchemes.key = { type: "apiKey", in: "header", name: "X-Key" };
    }),
    expected: [],
  },
  {
    name: "a changed security scheme",
    base,
    head: edit((d) => (d.components.securitySchemes.bearer.scheme = "basic")),
    expected: ["security-scheme-changed"],
  },
  {
    name: "a description and example edit",
    base,
    head: edit((d) => {
      requestSchema(d).properties.a.description = "new words";
      requestSchema(d).properties.a.example = "x";
    }),
    expected: [],
  },
];

const PAIRS = [
  ...schemaPairs(),
  ...STRUCTURE_PAIRS,
  ...PARAMETER_PAIRS,
  ...COMPOSITION_PAIRS,
  ...PARITY_PAIRS,
];

describe("diff rules", () => {
  it.each(PAIRS.map((p) => [p.name, p] as const))("%s", (_name, pair) => {
    const changes = compareDocuments(pair.base, pair.head);
    expect(changes.map((c) => c.id).sort()).toEqual([...pair.expected].sort());
    for (const change of changes) expect(change.level).toBe(RULES[change.id]!.level);
  });

  it("has a pair for every rule it can emit", () => {
    const covered = new Set(PAIRS.flatMap((p) => p.expected));
    expect(Object.keys(RULES).filter((id) => !covered.has(id))).toEqual([]);
  });

  it.each([
    ["request-property-max-decreased", "breaking"],
    ["request-property-enum-value-added", "info"],
    ["request-property-removed", "warning"],
    ["new-required-request-property", "breaking"],
    ["api-path-removed-without-deprecation", "breaking"],
    ["endpoint-added", "info"],
    ["response-required-property-removed", "breaking"],
    ["response-property-enum-value-added", "warning"],
    ["response-optional-property-removed", "warning"],
    ["request-property-became-enum", "breaking"],
    ["api-security-added", "info"],
  ])("classifies %s as %s, as oasdiff does", (id, level) => {
    expect(RULES[id]).toEqual({ level });
  });

  it("marks the rules oasdiff lacks as ours", () => {
    for (const id of [
      "api-server-removed",
      "security-scheme-changed",
      "response-property-max-items-increased",
    ]) {
      expect(RULES[id]?.ours).toBe(true);
    }
  });

  it("names the response status in response changes", () => {
    const changes: Change[] = compareDocuments(
      base,
      edit((d) => delete responseSchema(d).properties.o),
    );
    expect(changes[0]!.message).toBe("200: `o` removed");
  });
});
