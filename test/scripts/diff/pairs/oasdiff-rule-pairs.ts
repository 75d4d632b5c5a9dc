import type { JsonObject } from "../../../../scripts/lib/openapi-walk.js";
import { edited } from "./pair.js";

/**
 * One minimal base/head pair per oasdiff ERR/WARN rule of `test/fixtures/diff-rules/oasdiff-rules.md`,
 * and what our diff is expected to make of it. COVERAGE.md is rendered from this table.
 */
export interface RuleCase {
  /** oasdiff's rule id. */
  rule: string;
  base?: JsonObject;
  head?: JsonObject;
  /** Our ids for it, when we name it otherwise (all must be reported). */
  as?: string[];
  /** Why no pair can be written: the rule judges something our documents or our diff never hold. */
  notApplicable?: string;
  /** A known miss: why it is left (a caller would not feel it, or it is not built yet). */
  missed?: string;
  /** What a reader of COVERAGE.md should know about how we see it. */
  note?: string;
}

const ok = { type: "object", properties: { ok: { type: "boolean" } } };

/** POST /x taking `request` and answering 200 with `response` (3.1, so 2020-12 keywords hold). */
export function contract(request: unknown, response: unknown = ok): JsonObject {
  return {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: {
      "/x": {
        post: {
          operationId: "x",
          requestBody: { required: true, content: { "application/json": { schema: request } } },
          responses: {
            "200": { description: "", content: { "application/json": { schema: response } } },
          },
        },
      },
    },
    components: { schemas: {} },
  };
}

const wrap = (schema: unknown) => ({ type: "object", properties: { p: schema } });

/** The same schema change at the body root and at a property, in one direction. */
export function schemaCases(
  direction: "request" | "response",
  suffix: string,
  before: JsonObject,
  after: JsonObject,
  extra: Omit<RuleCase, "rule" | "base" | "head" | "as"> & { as?: string[] } = {},
): RuleCase[] {
  return (["body", "property"] as const).map((where) => {
    const place = (schema: JsonObject) => {
      const subject = where === "body" ? schema : wrap(schema);
      return direction === "request" ? contract(subject) : contract(ok, subject);
    };
    const { as, ...rest } = extra;
    const ours = as?.map((id) => id.replace("<where>", where));
    return {
      rule: `${direction}-${where}-${suffix}`,
      base: place(before),
      head: place(after),
      ...(ours ? { as: ours } : {}),
      ...rest,
    };
  });
}

/** GET /q with one query parameter `q` whose parameter object is `before`, then `after`. */
function parameterContract(parameters: unknown[], pathParameters?: unknown[]): JsonObject {
  const item: JsonObject = {
    get: { operationId: "q", parameters, responses: { "200": { description: "" } } },
  };
  if (pathParameters) item.parameters = pathParameters;
  return { openapi: "3.1.0", info: { title: "t", version: "1" }, paths: { "/q": item } };
}

const query = (schema: unknown, more: JsonObject = {}) => ({
  name: "q",
  in: "query",
  schema,
  ...more,
});

export function parameterCase(rule: string, before: JsonObject, after: JsonObject, as?: string[]) {
  return {
    rule,
    base: parameterContract([query(before)]),
    head: parameterContract([query(after)]),
    ...(as ? { as } : {}),
  };
}

/** A header parameter holding an object (style simple): oasdiff's `request-header-property-…`. */
const headerObject = (properties: JsonObject, required: string[] = []) =>
  parameterContract([
    { name: "X-Meta", in: "header", schema: { type: "object", properties, required } },
  ]);

/** A query parameter holding an object: oasdiff's `request-parameter-property-…`. */
const queryObject = (property: JsonObject) =>
  parameterContract([query({ type: "object", properties: { a: property } })]);

/** POST /x whose 200 response declares `headers`. */
export function withHeaders(headers: JsonObject): JsonObject {
  return edited(contract(ok), (d) => (d.paths["/x"].post.responses["200"].headers = headers));
}

const base = contract(ok);
const change = (edit: (d: any) => void) => edited(base, edit);
const post = (d: any) => d.paths["/x"].post;
const media = (d: any) => post(d).requestBody.content["application/json"];
const answer = (d: any) => post(d).responses["200"].content["application/json"];
const int = { type: "integer" };
const str = { type: "string" };
const arr = { type: "array", items: str };
const obj = (properties: JsonObject, required: string[] = []) => ({
  type: "object",
  properties,
  required,
});

const PATHS: RuleCase[] = [
  {
    rule: "api-path-removed-without-deprecation",
    base,
    head: change((d) => delete d.paths["/x"]),
  },
  {
    rule: "api-removed-without-deprecation",
    base: change((d) => (d.paths["/x"].get = { responses: { "200": { description: "" } } })),
    head: base,
  },
  {
    rule: "request-body-added-required",
    base: change((d) => delete post(d).requestBody),
    head: base,
    as: ["added-required-request-body"],
    note: "our older name for oasdiff's rule",
  },
  {
    rule: "request-body-became-required",
    base: change((d) => (post(d).requestBody.required = false)),
    head: base,
  },
  {
    rule: "request-body-removed",
    base,
    head: change((d) => delete post(d).requestBody),
  },
  {
    rule: "request-body-media-type-removed",
    base: change((d) => (post(d).requestBody.content["text/plain"] = { schema: str })),
    head: base,
  },
  {
    rule: "request-body-media-type-schema-added",
    base: change((d) => delete media(d).schema),
    head: base,
  },
  {
    rule: "response-body-media-type-schema-removed",
    base,
    head: change((d) => delete answer(d).schema),
  },
  {
    rule: "response-media-type-removed",
    base,
    head: change((d) => {
      const content = post(d).responses["200"].content;
      content["text/plain"] = content["application/json"];
      delete content["application/json"];
    }),
  },
  {
    rule: "response-media-type-name-generalized",
    base,
    head: change((d) => {
      const content = post(d).responses["200"].content;
      content["application/*"] = content["application/json"];
      delete content["application/json"];
    }),
    as: ["response-media-type-removed"],
    note: "a media type renamed is its removal and another's addition",
  },
  {
    rule: "response-success-status-removed",
    base,
    head: change((d) => {
      post(d).responses["404"] = { description: "" };
      delete post(d).responses["200"];
    }),
  },
];

const PARAMETERS: RuleCase[] = [
  {
    rule: "new-required-request-parameter",
    base: parameterContract([]),
    head: parameterContract([query(str, { required: true })]),
  },
  {
    rule: "new-required-request-default-parameter-to-existing-path",
    base: parameterContract([]),
    head: parameterContract([], [query(str, { required: true })]),
    as: ["new-required-request-parameter"],
  },
  {
    rule: "new-request-path-parameter",
    base: edited(parameterContract([]), (d) => {
      d.paths["/q/{id}"] = d.paths["/q"];
      delete d.paths["/q"];
    }),
    head: edited(
      parameterContract([{ name: "id", in: "path", required: true, schema: str }]),
      (d) => {
        d.paths["/q/{id}"] = d.paths["/q"];
        delete d.paths["/q"];
      },
    ),
  },
  {
    rule: "request-parameter-removed",
    base: parameterContract([query(str)]),
    head: parameterContract([]),
  },
  {
    rule: "request-parameter-became-required",
    base: parameterContract([query(str)]),
    head: parameterContract([query(str, { required: true })]),
  },
  parameterCase("request-parameter-type-changed", int, str),
  parameterCase("request-parameter-became-enum", str, { ...str, enum: ["a"] }),
  parameterCase("request-parameter-became-not-nullable", { type: ["string", "null"] }, str),
  parameterCase(
    "request-parameter-default-value-changed",
    { ...int, default: 1 },
    { ...int, default: 2 },
  ),
  parameterCase("request-parameter-default-value-added", int, { ...int, default: 1 }),
  parameterCase("request-parameter-default-value-removed", { ...int, default: 1 }, int),
  parameterCase(
    "request-parameter-enum-value-removed",
    { ...str, enum: ["a", "b"] },
    { ...str, enum: ["a"] },
  ),
  parameterCase(
    "request-parameter-max-items-decreased",
    { ...arr, maxItems: 4 },
    { ...arr, maxItems: 2 },
  ),
  parameterCase("request-parameter-max-length-set", str, { ...str, maxLength: 5 }),
  parameterCase(
    "request-parameter-max-length-decreased",
    { ...str, maxLength: 9 },
    { ...str, maxLength: 5 },
  ),
  parameterCase("request-parameter-max-set", int, { ...int, maximum: 5 }),
  parameterCase("request-parameter-exclusive-max-set", int, { ...int, exclusiveMaximum: 5 }),
  parameterCase("request-parameter-max-decreased", { ...int, maximum: 9 }, { ...int, maximum: 5 }),
  parameterCase(
    "request-parameter-exclusive-max-decreased",
    { ...int, exclusiveMaximum: 9 },
    { ...int, exclusiveMaximum: 5 },
  ),
  parameterCase("request-parameter-min-items-set", arr, { ...arr, minItems: 1 }),
  parameterCase(
    "request-parameter-min-items-increased",
    { ...arr, minItems: 1 },
    { ...arr, minItems: 2 },
  ),
  parameterCase(
    "request-parameter-min-length-increased",
    { ...str, minLength: 1 },
    { ...str, minLength: 3 },
  ),
  parameterCase("request-parameter-min-set", int, { ...int, minimum: 1 }),
  parameterCase("request-parameter-exclusive-min-set", int, { ...int, exclusiveMinimum: 1 }),
  parameterCase("request-parameter-min-increased", { ...int, minimum: 1 }, { ...int, minimum: 3 }),
  parameterCase(
    "request-parameter-exclusive-min-increased",
    { ...int, exclusiveMinimum: 1 },
    { ...int, exclusiveMinimum: 3 },
  ),
  parameterCase("request-parameter-pattern-added", str, { ...str, pattern: "^a" }),
  parameterCase(
    "request-parameter-pattern-changed",
    { ...str, pattern: "^a" },
    { ...str, pattern: "^b" },
  ),
  parameterCase("request-parameter-list-of-types-narrowed", { type: ["string", "integer"] }, str, [
    "request-parameter-type-changed",
  ]),
  {
    rule: "request-parameter-property-became-not-nullable",
    base: queryObject({ type: ["string", "null"] }),
    head: queryObject(str),
    as: ["request-parameter-became-not-nullable"],
    note: "an object parameter's properties are reported under the parameter's rule ids",
  },
  {
    rule: "request-parameter-property-enum-value-removed",
    base: queryObject({ ...str, enum: ["a", "b"] }),
    head: queryObject({ ...str, enum: ["a"] }),
    as: ["request-parameter-enum-value-removed"],
  },
  {
    rule: "request-parameter-property-type-changed",
    base: queryObject(int),
    head: queryObject(str),
    as: ["request-parameter-type-changed"],
    note: "an object parameter's properties are reported as the parameter's own; ours is breaking, oasdiff's WARN",
  },
  {
    rule: "request-parameter-property-type-specialized",
    base: queryObject(str),
    head: queryObject({ ...str, format: "uuid" }),
    as: ["request-parameter-type-changed"],
  },
  {
    rule: "request-parameter-property-list-of-types-narrowed",
    base: queryObject({ type: ["string", "integer"] }),
    head: queryObject(str),
    as: ["request-parameter-type-changed"],
  },
  {
    rule: "new-required-request-header-property",
    base: headerObject({ a: str }),
    head: headerObject({ a: str, b: str }, ["b"]),
    as: ["new-required-request-property"],
    note: "a header parameter's schema is compared as a request schema",
  },
  {
    rule: "request-header-property-became-required",
    base: headerObject({ a: str }),
    head: headerObject({ a: str }, ["a"]),
    as: ["request-property-became-required"],
    note: "a header parameter's schema is compared as a request schema",
  },
  {
    rule: "request-header-property-became-enum",
    base: headerObject({ a: str }),
    head: headerObject({ a: { ...str, enum: ["x"] } }),
    as: ["request-parameter-became-enum"],
    note: "a header parameter's schema is compared as a parameter's",
  },
  {
    rule: "request-parameter-x-extensible-enum-value-removed",
    base: parameterContract([query({ ...str, "x-extensible-enum": ["a", "b"] })]),
    head: parameterContract([query({ ...str, "x-extensible-enum": ["a"] })]),
    note: "Zalando's open enum: a value callers were told they could send is gone",
  },
  {
    rule: "request-property-x-extensible-enum-value-removed",
    base: contract(wrap({ ...str, "x-extensible-enum": ["a", "b"] })),
    head: contract(wrap({ ...str, "x-extensible-enum": ["a"] })),
  },
];

const REQUEST_SCHEMAS: RuleCase[] = [
  ...schemaCases("request", "type-changed", int, str),
  ...schemaCases("request", "list-of-types-narrowed", { type: ["string", "integer"] }, str, {
    as: ["request-<where>-type-changed"],
  }),
  ...schemaCases("request", "became-enum", str, { ...str, enum: ["a"] }),
  ...schemaCases(
    "request",
    "enum-value-removed",
    { ...str, enum: ["a", "b"] },
    { ...str, enum: ["a"] },
  ),
  ...schemaCases("request", "became-not-nullable", { type: ["string", "null"] }, str),
  ...schemaCases(
    "request",
    "const-added",
    str,
    { ...str, const: "a" },
    {
      as: ["request-<where>-became-enum"],
    },
  ),
  ...schemaCases("request", "const-changed", { ...str, const: "a" }, { ...str, const: "b" }),
  ...schemaCases("request", "max-decreased", { ...int, maximum: 9 }, { ...int, maximum: 5 }),
  ...schemaCases("request", "max-set", int, { ...int, maximum: 5 }),
  ...schemaCases(
    "request",
    "exclusive-max-decreased",
    { ...int, exclusiveMaximum: 9 },
    { ...int, exclusiveMaximum: 5 },
  ),
  ...schemaCases("request", "exclusive-max-set", int, { ...int, exclusiveMaximum: 5 }),
  ...schemaCases("request", "min-increased", { ...int, minimum: 1 }, { ...int, minimum: 3 }),
  ...schemaCases("request", "min-set", int, { ...int, minimum: 1 }),
  ...schemaCases(
    "request",
    "exclusive-min-increased",
    { ...int, exclusiveMinimum: 1 },
    { ...int, exclusiveMinimum: 3 },
  ),
  ...schemaCases("request", "exclusive-min-set", int, { ...int, exclusiveMinimum: 1 }),
  ...schemaCases(
    "request",
    "max-length-decreased",
    { ...str, maxLength: 9 },
    { ...str, maxLength: 5 },
  ),
  ...schemaCases("request", "max-length-set", str, { ...str, maxLength: 5 }),
  ...schemaCases(
    "request",
    "min-length-increased",
    { ...str, minLength: 1 },
    { ...str, minLength: 3 },
  ),
  ...schemaCases(
    "request",
    "min-items-increased",
    { ...arr, minItems: 1 },
    { ...arr, minItems: 2 },
  ),
  ...schemaCases("request", "min-items-set", arr, { ...arr, minItems: 1 }),
  ...schemaCases("request", "one-of-removed", { oneOf: [str, int] }, { oneOf: [str] }),
  ...schemaCases("request", "any-of-removed", { anyOf: [str, int] }, { anyOf: [str] }),
  ...schemaCases(
    "request",
    "all-of-added",
    { allOf: [obj({ a: str })] },
    { allOf: [obj({ a: str }), obj({ b: str }, ["b"])] },
    {
      as: ["new-required-request-property"],
      note: "allOf is compared merged: a new member is reported by what it adds (an optional property alone is info)",
    },
  ),
  ...schemaCases(
    "request",
    "all-of-removed",
    { allOf: [obj({ a: str }), obj({ b: str })] },
    { allOf: [obj({ a: str })] },
    {
      as: ["request-property-removed"],
      note: "allOf is compared merged: a dropped member is reported by what it took away",
    },
  ),
  {
    rule: "request-body-wrapped-in-one-of",
    base: contract(obj({ a: str })),
    head: contract({ oneOf: [obj({ a: str }), obj({ b: int }, ["b"])] }),
  },
  {
    rule: "request-property-pattern-added",
    base: contract(wrap(str)),
    head: contract(wrap({ ...str, pattern: "^a" })),
  },
  {
    rule: "request-property-pattern-changed",
    base: contract(wrap({ ...str, pattern: "^a" })),
    head: contract(wrap({ ...str, pattern: "^b" })),
  },
  {
    rule: "request-property-became-required",
    base: contract(obj({ a: str })),
    head: contract(obj({ a: str }, ["a"])),
  },
  {
    rule: "request-property-became-required-with-default",
    base: contract(obj({ a: { ...str, default: "x" } })),
    head: contract(obj({ a: { ...str, default: "x" } }, ["a"])),
    as: ["request-property-became-required"],
  },
  {
    rule: "request-property-removed",
    base: contract(obj({ a: str, b: str })),
    head: contract(obj({ a: str })),
  },
  {
    rule: "new-required-request-property",
    base: contract(obj({ a: str })),
    head: contract(obj({ a: str, b: str }, ["b"])),
  },
  {
    rule: "new-required-request-property-with-default",
    base: contract(obj({ a: str })),
    head: contract(obj({ a: str, b: { ...str, default: "x" } }, ["b"])),
    as: ["new-required-request-property"],
  },
];

const RESPONSE_SCHEMAS: RuleCase[] = [
  ...schemaCases("response", "type-changed", int, str),
  ...schemaCases(
    "response",
    "type-generalized",
    int,
    { type: "number" },
    {
      as: ["response-<where>-type-changed"],
    },
  ),
  ...schemaCases(
    "response",
    "list-of-types-widened",
    str,
    { type: ["string", "integer"] },
    {
      as: ["response-<where>-type-changed"],
    },
  ),
  ...schemaCases("response", "became-nullable", str, { type: ["string", "null"] }),
  ...schemaCases("response", "const-removed", { ...str, const: "a" }, str, {
    as: ["response-<where>-enum-removed"],
  }),
  ...schemaCases("response", "const-changed", { ...str, const: "a" }, { ...str, const: "b" }),
  ...schemaCases("response", "max-increased", { ...int, maximum: 5 }, { ...int, maximum: 9 }),
  ...schemaCases(
    "response",
    "exclusive-max-increased",
    { ...int, exclusiveMaximum: 5 },
    { ...int, exclusiveMaximum: 9 },
  ),
  ...schemaCases("response", "min-decreased", { ...int, minimum: 3 }, { ...int, minimum: 1 }),
  ...schemaCases(
    "response",
    "exclusive-min-decreased",
    { ...int, exclusiveMinimum: 3 },
    { ...int, exclusiveMinimum: 1 },
  ),
  ...schemaCases(
    "response",
    "max-length-increased",
    { ...str, maxLength: 5 },
    { ...str, maxLength: 9 },
  ),
  ...schemaCases("response", "max-length-unset", { ...str, maxLength: 5 }, str),
  ...schemaCases(
    "response",
    "min-length-decreased",
    { ...str, minLength: 3 },
    { ...str, minLength: 1 },
  ),
  ...schemaCases(
    "response",
    "min-items-decreased",
    { ...arr, minItems: 2 },
    { ...arr, minItems: 1 },
  ),
  ...schemaCases("response", "min-items-unset", { ...arr, minItems: 1 }, arr),
  ...schemaCases("response", "one-of-added", { oneOf: [str] }, { oneOf: [str, int] }),
  {
    rule: "response-property-enum-value-added",
    base: contract(ok, wrap({ ...str, enum: ["a"] })),
    head: contract(ok, wrap({ ...str, enum: ["a", "b"] })),
  },
  {
    rule: "response-body-wrapped-in-one-of",
    base: contract(ok, obj({ a: str })),
    head: contract(ok, { oneOf: [obj({ a: str }), obj({ b: int }, ["b"])] }),
    as: ["response-body-one-of-added"],
  },
  {
    rule: "response-required-property-removed",
    base: contract(ok, obj({ a: str, b: str }, ["a"])),
    head: contract(ok, obj({ b: str })),
  },
  {
    rule: "response-optional-property-removed",
    base: contract(ok, obj({ a: str, b: str }, ["a"])),
    head: contract(ok, obj({ a: str }, ["a"])),
  },
  {
    rule: "response-property-became-optional",
    base: contract(ok, obj({ a: str }, ["a"])),
    head: contract(ok, obj({ a: str })),
  },
  {
    rule: "response-required-property-became-not-write-only",
    base: contract(ok, obj({ a: { ...str, writeOnly: true } }, ["a"])),
    head: contract(ok, obj({ a: str }, ["a"])),
  },
];

/** Response headers of the 200 answer. */
const HEADERS: RuleCase[] = [
  {
    rule: "required-response-header-removed",
    base: withHeaders({ "X-Id": { required: true, schema: str } }),
    head: withHeaders({}),
  },
  {
    rule: "optional-response-header-removed",
    base: withHeaders({ "X-Id": { schema: str } }),
    head: withHeaders({}),
  },
  {
    rule: "response-header-became-optional",
    base: withHeaders({ "X-Id": { required: true, schema: str } }),
    head: withHeaders({ "X-Id": { schema: str } }),
  },
  {
    rule: "response-header-type-changed",
    base: withHeaders({ "X-Id": { schema: int } }),
    head: withHeaders({ "X-Id": { schema: str } }),
  },
  {
    rule: "response-header-type-generalized",
    base: withHeaders({ "X-Id": { schema: int } }),
    head: withHeaders({ "X-Id": { schema: { type: "number" } } }),
    as: ["response-header-type-changed"],
  },
  {
    rule: "response-header-became-nullable",
    base: withHeaders({ "X-Id": { schema: str } }),
    head: withHeaders({ "X-Id": { schema: { type: ["string", "null"] } } }),
  },
];

/**
 * JSON Schema 2020-12 keywords a 3.1 document may use: a keyword that constrains more, added to a
 * request or removed from a response (where it promised something), is breaking.
 */
export const KEYWORD_SAMPLES: [
  name: string,
  keyword: string,
  value: unknown,
  subject: JsonObject,
][] = [
  ["prefix-items", "prefixItems", [str], { type: "array" }],
  ["if", "if", { required: ["a"] }, obj({ a: str })],
  ["then", "then", { required: ["a"] }, obj({ a: str })],
  ["else", "else", { required: ["a"] }, obj({ a: str })],
  ["contains", "contains", str, { type: "array" }],
  ["dependent-required", "dependentRequired", { a: ["b"] }, obj({ a: str, b: str })],
  ["dependent-schema", "dependentSchemas", { a: { required: ["b"] } }, obj({ a: str, b: str })],
  ["pattern-property", "patternProperties", { "^x-": str }, { type: "object" }],
  ["property-names", "propertyNames", { pattern: "^[a-z]+$" }, { type: "object" }],
  ["unevaluated-items", "unevaluatedItems", false, { type: "array", prefixItems: [str] }],
  ["unevaluated-properties", "unevaluatedProperties", false, obj({ a: str })],
  [
    "content-schema",
    "contentSchema",
    obj({ a: str }),
    { type: "string", contentMediaType: "application/json" },
  ],
];

function keywordCases(): RuleCase[] {
  const cases: RuleCase[] = [];
  for (const [name, keyword, value, subject] of KEYWORD_SAMPLES) {
    const constrained = { ...subject, [keyword]: value };
    const grows = name === "prefix-items" ? "removed" : "added";
    const shrinks = name === "prefix-items" ? "added" : "removed";
    // prefixItems is the other way round: fewer leading item schemas accept fewer arrays in a
    // request... as oasdiff reads it, removing one from a request and adding one to a response break.
    cases.push(
      ...(name === "prefix-items"
        ? schemaCases(
            "request",
            `${name}-${grows}`,
            { ...subject, prefixItems: [str, int] },
            { ...subject, prefixItems: [str] },
          )
        : schemaCases("request", `${name}-${grows}`, subject, constrained)),
      ...(name === "prefix-items"
        ? schemaCases(
            "response",
            `${name}-${shrinks}`,
            { ...subject, prefixItems: [str] },
            { ...subject, prefixItems: [str, int] },
          )
        : schemaCases("response", `${name}-${shrinks}`, constrained, subject)),
    );
  }
  const changed = (
    direction: "request" | "response",
    name: string,
    before: JsonObject,
    after: JsonObject,
  ) => schemaCases(direction, `${name}-changed`, before, after);
  const deps = obj({ a: str, b: str, c: str });
  cases.push(
    ...changed(
      "request",
      "dependent-required",
      { ...deps, dependentRequired: { a: ["b"] } },
      { ...deps, dependentRequired: { a: ["c"] } },
    ),
    ...changed(
      "response",
      "dependent-required",
      { ...deps, dependentRequired: { a: ["b"] } },
      { ...deps, dependentRequired: { a: ["c"] } },
    ),
    ...schemaCases(
      "request",
      "min-contains-increased",
      { type: "array", contains: str, minContains: 1 },
      { type: "array", contains: str, minContains: 2 },
    ),
    ...schemaCases(
      "request",
      "max-contains-decreased",
      { type: "array", contains: str, maxContains: 3 },
      { type: "array", contains: str, maxContains: 2 },
    ),
    ...schemaCases(
      "response",
      "min-contains-decreased",
      { type: "array", contains: str, minContains: 2 },
      { type: "array", contains: str, minContains: 1 },
    ),
    ...schemaCases(
      "response",
      "max-contains-increased",
      { type: "array", contains: str, maxContains: 2 },
      { type: "array", contains: str, maxContains: 3 },
    ),
  );
  const encoded = { type: "string", contentMediaType: "image/png", contentEncoding: "base64" };
  for (const direction of ["request", "response"] as const) {
    cases.push(
      ...changed(direction, "content-media-type", encoded, {
        ...encoded,
        contentMediaType: "image/jpeg",
      }),
      ...changed(direction, "content-encoding", encoded, { ...encoded, contentEncoding: "base32" }),
    );
  }
  return cases;
}

export const RULE_CASES: RuleCase[] = [
  ...PATHS,
  ...PARAMETERS,
  ...REQUEST_SCHEMAS,
  ...RESPONSE_SCHEMAS,
  ...HEADERS,
  ...keywordCases(),
];
