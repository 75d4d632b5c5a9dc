import type { JsonObject } from "../../../../scripts/lib/openapi-walk.js";
import {
  KEYWORD_SAMPLES,
  contract,
  parameterCase,
  schemaCases,
  withHeaders,
  type RuleCase,
} from "./oasdiff-rule-pairs.js";
import { edited, type Pair } from "./pair.js";

/**
 * Exact pairs (one rule each) for the rules added to close oasdiff's gaps, breaking and info
 * sides both, so `rules.test.ts` holds every rule to its id and level.
 */
const exact = (cases: RuleCase[]): Pair[] =>
  cases.map((c) => ({
    name: `parity: ${c.rule}`,
    base: c.base!,
    head: c.head!,
    expected: [c.rule],
  }));

const int = { type: "integer" };
const str = { type: "string" };
const pattern = (p: string) => ({ ...str, pattern: p });
const xmax = (n: number) => ({ ...int, exclusiveMaximum: n });
const xmin = (n: number) => ({ ...int, exclusiveMinimum: n });
const konst = (v: string) => ({ ...str, const: v });
const contains = (bounds: JsonObject) => ({ type: "array", contains: str, ...bounds });
const deps = (list: string[]) => ({
  type: "object",
  properties: { a: str, b: str, c: str },
  dependentRequired: { a: list },
});
const encoded = { type: "string", contentMediaType: "image/png", contentEncoding: "base64" };

function bothDirections(
  suffix: string,
  before: JsonObject,
  after: JsonObject,
  directions: ("request" | "response")[] = ["request", "response"],
): RuleCase[] {
  return directions.flatMap((d) => schemaCases(d, suffix, before, after));
}

function keywordPairs(): RuleCase[] {
  const cases: RuleCase[] = [];
  for (const [name, keyword, value, subject] of KEYWORD_SAMPLES) {
    if (name === "prefix-items") continue;
    const constrained = { ...subject, [keyword]: value };
    cases.push(
      ...bothDirections(`${name}-added`, subject, constrained),
      ...bothDirections(`${name}-removed`, constrained, subject),
    );
  }
  const items = (n: number) => ({ type: "array", prefixItems: [str, int].slice(0, n) });
  cases.push(
    ...bothDirections("prefix-items-added", items(1), items(2)),
    ...bothDirections("prefix-items-removed", items(2), items(1)),
    ...bothDirections("dependent-required-changed", deps(["b"]), deps(["c"])),
    ...bothDirections("content-media-type-changed", encoded, {
      ...encoded,
      contentMediaType: "image/jpeg",
    }),
    ...bothDirections("content-encoding-changed", encoded, {
      ...encoded,
      contentEncoding: "base32",
    }),
    ...bothDirections(
      "min-contains-increased",
      contains({ minContains: 1 }),
      contains({ minContains: 2 }),
    ),
    ...bothDirections(
      "min-contains-decreased",
      contains({ minContains: 2 }),
      contains({ minContains: 1 }),
    ),
    ...bothDirections(
      "max-contains-increased",
      contains({ maxContains: 2 }),
      contains({ maxContains: 3 }),
    ),
    ...bothDirections(
      "max-contains-decreased",
      contains({ maxContains: 3 }),
      contains({ maxContains: 2 }),
    ),
  );
  return cases;
}

const ok = contract({ type: "object" });
const media = (d: any) => d.paths["/x"].post.requestBody.content["application/json"];
const answer = (d: any) => d.paths["/x"].post.responses["200"].content["application/json"];

const object = (properties: JsonObject, required: string[] = []) => ({
  type: "object",
  properties,
  required,
});

/** A property that turns readOnly (request) or writeOnly (response), or back. */
function visibilityPairs(): RuleCase[] {
  const cases: RuleCase[] = [];
  for (const direction of ["request", "response"] as const) {
    const keyword = direction === "request" ? "readOnly" : "writeOnly";
    const name = direction === "request" ? "read-only" : "write-only";
    for (const kind of ["required", "optional"] as const) {
      const shape = (hidden: boolean) =>
        object({ a: hidden ? { ...str, [keyword]: true } : str }, kind === "required" ? ["a"] : []);
      const place = (schema: JsonObject) =>
        direction === "request" ? contract(schema) : contract({ type: "object" }, schema);
      cases.push(
        {
          rule: `${direction}-${kind}-property-became-${name}`,
          base: place(shape(false)),
          head: place(shape(true)),
        },
        {
          rule: `${direction}-${kind}-property-became-not-${name}`,
          base: place(shape(true)),
          head: place(shape(false)),
        },
      );
    }
  }
  return cases;
}

const CAT = "#/components/schemas/Cat";
const DOG = "#/components/schemas/Dog";
/** A union of two components, tagged by `discriminator` when one is given. */
const pets = (discriminator?: JsonObject) => ({
  oneOf: [{ $ref: CAT }, { $ref: DOG }],
  ...(discriminator ? { discriminator } : {}),
});
function withPets(cases: RuleCase[]): RuleCase[] {
  const add = (d: any) => {
    d.components.schemas.Cat = object({ kind: str, meow: str });
    d.components.schemas.Dog = object({ kind: str, bark: str });
  };
  return cases.map((c) => ({ ...c, base: edited(c.base!, add), head: edited(c.head!, add) }));
}
const tagged = { propertyName: "kind", mapping: { cat: CAT, dog: DOG } };

function discriminatorPairs(): RuleCase[] {
  return withPets([
    ...bothDirections("discriminator-added", pets(), pets(tagged)),
    ...bothDirections("discriminator-removed", pets(tagged), pets()),
    ...bothDirections(
      "discriminator-mapping-added",
      pets({ propertyName: "kind", mapping: { cat: CAT } }),
      pets(tagged),
    ),
    ...bothDirections(
      "discriminator-mapping-deleted",
      pets(tagged),
      pets({ propertyName: "kind", mapping: { cat: CAT } }),
    ),
    ...bothDirections(
      "discriminator-mapping-changed",
      pets(tagged),
      pets({ propertyName: "kind", mapping: { cat: DOG, dog: DOG } }),
    ),
    ...bothDirections(
      "discriminator-property-name-changed",
      pets(tagged),
      pets({ ...tagged, propertyName: "type" }),
    ),
  ]);
}

/** GET /q with one parameter. */
const getQ = (parameter: JsonObject, security?: unknown): JsonObject => ({
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  paths: {
    "/q": {
      get: {
        parameters: [parameter],
        responses: { "200": { description: "" } },
        ...(security ? { security } : {}),
      },
    },
  },
});
const list = { type: "array", items: str };
const secured = (scopes: string[]) =>
  getQ({ name: "q", in: "query", schema: str }, [{ oauth: scopes }]);
const globally = (scopes: string[]) =>
  edited(getQ({ name: "q", in: "query", schema: str }), (d) => (d.security = [{ oauth: scopes }]));

export const PARITY_PAIRS: Pair[] = [
  {
    name: "parity: request-body-wrapped-in-one-of",
    base: contract(object({ a: str })),
    head: contract({ oneOf: [object({ a: str }), object({ b: int }, ["b"])] }),
    expected: ["request-body-wrapped-in-one-of", "request-body-one-of-added"],
  },
  ...exact([
    ...bothDirections("pattern-added", str, pattern("^a")),
    ...bothDirections("pattern-changed", pattern("^a"), pattern("^b")),
    ...bothDirections("pattern-removed", pattern("^a"), str),
    ...bothDirections("const-changed", konst("a"), konst("b")),
    ...bothDirections("exclusive-max-decreased", xmax(9), xmax(5)),
    ...bothDirections("exclusive-max-increased", xmax(5), xmax(9)),
    ...bothDirections("exclusive-min-increased", xmin(1), xmin(3)),
    ...bothDirections("exclusive-min-decreased", xmin(3), xmin(1)),
    ...bothDirections("exclusive-max-set", int, xmax(5), ["request"]),
    ...bothDirections("exclusive-min-set", int, xmin(1), ["request"]),
    parameterCase("request-parameter-exclusive-max-decreased", xmax(9), xmax(5)),
    parameterCase("request-parameter-exclusive-max-increased", xmax(5), xmax(9)),
    parameterCase("request-parameter-exclusive-max-set", int, xmax(5)),
    parameterCase("request-parameter-exclusive-min-increased", xmin(1), xmin(3)),
    parameterCase("request-parameter-exclusive-min-decreased", xmin(3), xmin(1)),
    parameterCase("request-parameter-exclusive-min-set", int, xmin(1)),
    parameterCase("request-parameter-const-changed", konst("a"), konst("b")),
    parameterCase(
      "request-parameter-x-extensible-enum-value-removed",
      { ...str, "x-extensible-enum": ["a", "b"] },
      { ...str, "x-extensible-enum": ["a"] },
    ),
    ...bothDirections(
      "x-extensible-enum-value-removed",
      { ...str, "x-extensible-enum": ["a", "b"] },
      { ...str, "x-extensible-enum": ["a"] },
      ["request"],
    ),
    ...keywordPairs(),
    ...visibilityPairs(),
    ...discriminatorPairs(),
    ...bothDirections("additional-properties-closed", object({ a: str }), {
      ...object({ a: str }),
      additionalProperties: false,
    }),
    ...bothDirections(
      "additional-properties-opened",
      { ...object({ a: str }), additionalProperties: false },
      object({ a: str }),
    ),
    {
      rule: "request-parameter-style-changed",
      base: getQ({ name: "q", in: "query", schema: list }),
      head: getQ({ name: "q", in: "query", style: "pipeDelimited", explode: true, schema: list }),
    },
    {
      rule: "request-parameter-explode-changed",
      base: getQ({ name: "q", in: "query", schema: list }),
      head: getQ({ name: "q", in: "query", explode: false, schema: list }),
    },
    { rule: "api-security-scope-added", base: secured(["read"]), head: secured(["read", "write"]) },
    {
      rule: "api-security-scope-removed",
      base: secured(["read", "write"]),
      head: secured(["read"]),
    },
    {
      rule: "api-global-security-scope-added",
      base: globally(["read"]),
      head: globally(["read", "write"]),
    },
    {
      rule: "api-global-security-scope-removed",
      base: globally(["read", "write"]),
      head: globally(["read"]),
    },
    {
      rule: "endpoint-reactivated",
      base: edited(ok, (d) => (d.paths["/x"].post.deprecated = true)),
      head: ok,
    },
    {
      rule: "request-body-media-type-schema-added",
      base: edited(ok, (d) => delete media(d).schema),
      head: ok,
    },
    {
      rule: "request-body-media-type-schema-removed",
      base: ok,
      head: edited(ok, (d) => delete media(d).schema),
    },
    {
      rule: "response-body-media-type-schema-added",
      base: edited(ok, (d) => delete answer(d).schema),
      head: ok,
    },
    {
      rule: "response-body-media-type-schema-removed",
      base: ok,
      head: edited(ok, (d) => delete answer(d).schema),
    },
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
      rule: "response-header-added",
      base: withHeaders({}),
      head: withHeaders({ "X-Id": { schema: str } }),
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
      rule: "response-header-type-specialized",
      base: withHeaders({ "X-Id": { schema: str } }),
      head: withHeaders({ "X-Id": { schema: { ...str, format: "uuid" } } }),
    },
    {
      rule: "response-header-became-nullable",
      base: withHeaders({ "X-Id": { schema: str } }),
      head: withHeaders({ "X-Id": { schema: { type: ["string", "null"] } } }),
    },
    {
      rule: "response-header-became-not-nullable",
      base: withHeaders({ "X-Id": { schema: { type: ["string", "null"] } } }),
      head: withHeaders({ "X-Id": { schema: str } }),
    },
  ]),
];
