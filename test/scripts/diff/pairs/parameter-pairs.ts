import type { JsonObject } from "../../../../scripts/lib/openapi-walk.js";
import { edited, type Pair } from "./pair.js";

/** GET /items/{id} with a path-level `id`, an operation-level `limit` and a `$ref`'d header. */
export const parameterBase: JsonObject = {
  openapi: "3.0.1",
  info: { title: "t", version: "1" },
  paths: {
    "/items/{id}": {
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
      get: {
        operationId: "getItem",
        parameters: [
          { name: "limit", in: "query", schema: { type: "integer", maximum: 100 } },
          { $ref: "#/components/parameters/Trace" },
        ],
        responses: { "200": { description: "" } },
      },
    },
  },
  components: {
    parameters: {
      Trace: { name: "X-Trace", in: "header", schema: { type: "string" } },
    },
  },
};

const limit = (d: any) => d.paths["/items/{id}"].get.parameters[0];
const trace = (d: any) => d.components.parameters.Trace;
const change = (edit: (d: any) => void) => edited(parameterBase, edit);

/** Schema-level cases on the `limit` query parameter, one per rule. */
const SCHEMA_CASES: [string, JsonObject, JsonObject][] = [
  ["type-changed", { type: "integer" }, { type: "string" }],
  ["type-changed", { type: "string" }, { type: "string", format: "uuid" }],
  ["type-generalized", { type: "string", format: "uuid" }, { type: "string" }],
  ["became-enum", { type: "string" }, { type: "string", enum: ["a"] }],
  ["enum-value-removed", { type: "string", enum: ["a", "b"] }, { type: "string", enum: ["a"] }],
  ["enum-value-added", { type: "string", enum: ["a"] }, { type: "string", enum: ["a", "b"] }],
  ["enum-removed", { type: "string", enum: ["a"] }, { type: "string" }],
  ["max-decreased", { type: "integer", maximum: 100 }, { type: "integer", maximum: 10 }],
  ["max-increased", { type: "integer", maximum: 10 }, { type: "integer", maximum: 100 }],
  ["max-set", { type: "integer" }, { type: "integer", maximum: 10 }],
  ["min-increased", { type: "integer", minimum: 1 }, { type: "integer", minimum: 2 }],
  ["min-decreased", { type: "integer", minimum: 2 }, { type: "integer", minimum: 1 }],
  ["min-set", { type: "integer" }, { type: "integer", minimum: 1 }],
  ["max-length-decreased", { type: "string", maxLength: 9 }, { type: "string", maxLength: 5 }],
  ["max-length-increased", { type: "string", maxLength: 5 }, { type: "string", maxLength: 9 }],
  ["max-length-set", { type: "string" }, { type: "string", maxLength: 5 }],
  ["min-length-increased", { type: "string", minLength: 1 }, { type: "string", minLength: 3 }],
  ["min-length-decreased", { type: "string", minLength: 3 }, { type: "string", minLength: 1 }],
  ["min-length-set", { type: "string" }, { type: "string", minLength: 3 }],
  ["max-items-decreased", { type: "array", maxItems: 4 }, { type: "array", maxItems: 2 }],
  ["max-items-increased", { type: "array", maxItems: 2 }, { type: "array", maxItems: 4 }],
  ["max-items-set", { type: "array" }, { type: "array", maxItems: 2 }],
  ["min-items-increased", { type: "array", minItems: 1 }, { type: "array", minItems: 2 }],
  ["min-items-decreased", { type: "array", minItems: 2 }, { type: "array", minItems: 1 }],
  ["min-items-set", { type: "array" }, { type: "array", minItems: 1 }],
  ["pattern-added", { type: "string" }, { type: "string", pattern: "^[a-z]+$" }],
  ["pattern-removed", { type: "string", pattern: "^[a-z]+$" }, { type: "string" }],
  ["pattern-changed", { type: "string", pattern: "^[a-z]+$" }, { type: "string", pattern: "^a" }],
  ["became-nullable", { type: "string" }, { type: ["string", "null"] }],
  ["became-not-nullable", { type: "string", nullable: true }, { type: "string" }],
  ["default-value-added", { type: "integer" }, { type: "integer", default: 10 }],
  ["default-value-removed", { type: "integer", default: 10 }, { type: "integer" }],
  ["default-value-changed", { type: "integer", default: 10 }, { type: "integer", default: 20 }],
  [
    "constraint-dropped",
    { type: "integer", maximum: 4, "x-inferred-keywords": ["maximum"] },
    { type: "integer" },
  ],
  ["one-of-added", { type: "string" }, { oneOf: [{ type: "string" }, { type: "integer" }] }],
  ["one-of-removed", { oneOf: [{ type: "string" }, { type: "integer" }] }, { type: "string" }],
  ["any-of-added", { type: "string" }, { anyOf: [{ type: "string" }, { type: "integer" }] }],
  ["any-of-removed", { anyOf: [{ type: "string" }, { type: "integer" }] }, { type: "string" }],
];

export const PARAMETER_PAIRS: Pair[] = [
  ...SCHEMA_CASES.map(([suffix, before, after]) => ({
    name: `query parameter ${suffix}: ${JSON.stringify(before)} -> ${JSON.stringify(after)}`,
    base: change((d) => (limit(d).schema = before)),
    head: change((d) => (limit(d).schema = after)),
    expected: [`request-parameter-${suffix}`],
  })),
  {
    name: "a new required query parameter",
    base: parameterBase,
    head: change((d) =>
      d.paths["/items/{id}"].get.parameters.push({
        name: "q",
        in: "query",
        required: true,
        schema: { type: "string" },
      }),
    ),
    expected: ["new-required-request-parameter"],
  },
  {
    name: "a new optional cookie parameter",
    base: parameterBase,
    head: change((d) =>
      d.paths["/items/{id}"].get.parameters.push({ name: "s", in: "cookie", schema: {} }),
    ),
    expected: ["new-optional-request-parameter"],
  },
  {
    name: "a new path parameter (the path keeps its template name)",
    base: change((d) => (d.paths["/items/{id}"].parameters = [])),
    head: parameterBase,
    expected: ["new-request-path-parameter"],
  },
  {
    name: "a removed query parameter",
    base: parameterBase,
    head: change((d) => d.paths["/items/{id}"].get.parameters.splice(0, 1)),
    expected: ["request-parameter-removed"],
  },
  {
    name: "a removed deprecated query parameter",
    base: change((d) => (limit(d).deprecated = true)),
    head: change((d) => d.paths["/items/{id}"].get.parameters.splice(0, 1)),
    expected: ["request-parameter-removed-with-deprecation"],
  },
  {
    name: "a query parameter that became required",
    base: parameterBase,
    head: change((d) => (limit(d).required = true)),
    expected: ["request-parameter-became-required"],
  },
  {
    name: "a header parameter behind a $ref that became required",
    base: parameterBase,
    head: change((d) => (trace(d).required = true)),
    expected: ["request-parameter-became-required"],
  },
  {
    name: "a query parameter that became optional",
    base: change((d) => (limit(d).required = true)),
    head: parameterBase,
    expected: ["request-parameter-became-optional"],
  },
  {
    name: "a path-level parameter whose type changed",
    base: parameterBase,
    head: change((d) => (d.paths["/items/{id}"].parameters[0].schema = { type: "integer" })),
    expected: ["request-parameter-type-changed"],
  },
  {
    name: "a path-level parameter moved onto the operation, a $ref inlined, a header recased",
    base: parameterBase,
    head: change((d) => {
      const op = d.paths["/items/{id}"].get;
      op.parameters = [
        d.paths["/items/{id}"].parameters[0],
        limit(d),
        { name: "x-trace", in: "header", schema: { type: "string" } },
      ];
      delete d.paths["/items/{id}"].parameters;
    }),
    expected: [],
  },
  {
    name: "an operation parameter that overrides a path-level one, narrowed",
    base: parameterBase,
    head: change((d) =>
      d.paths["/items/{id}"].get.parameters.push({
        name: "id",
        in: "path",
        required: true,
        schema: { type: "string", maxLength: 8 },
      }),
    ),
    expected: ["request-parameter-max-length-set"],
  },
  {
    name: "a path template whose parameter was renamed (same URLs), its limit narrowed",
    base: parameterBase,
    head: change((d) => {
      const item = d.paths["/items/{id}"];
      item.parameters[0].name = "item_id";
      limit(d).schema = { type: "integer", maximum: 10 };
      d.paths["/items/{item_id}"] = item;
      delete d.paths["/items/{id}"];
    }),
    expected: ["api-path-parameter-renamed", "request-parameter-max-decreased"],
  },
  {
    name: "a path template renamed where two candidates have the same shape: removed and added",
    base: parameterBase,
    head: change((d) => {
      d.paths["/items/{a}"] = d.paths["/items/{id}"];
      d.paths["/items/{b}"] = structuredClone(d.paths["/items/{id}"]);
      delete d.paths["/items/{id}"];
    }),
    expected: ["api-path-removed-without-deprecation", "endpoint-added", "endpoint-added"],
  },
];
