import type { Diagnostics } from "../diagnostics.js";
import { toPointer } from "../json-pointer.js";
import { isObject, type JsonObject } from "../openapi-walk.js";

/**
 * Rewrites the schema shapes real exports use into the one form every later stage (inference,
 * the runtime tables, the validator) reads: a single `type` plus `nullable`, `enum` rather than
 * `const`, and `required` as the parent's list. Each rewrite keeps what the schema accepts:
 *
 * - OpenAPI 3.1 type arrays: `type: [string, "null"]` -> `type: string, nullable: true`; several
 *   non-null types become an `anyOf` of one type each.
 * - `oneOf`/`anyOf` members `{type: "null"}` -> `nullable: true` on the union.
 * - `type: "null"` alone: apifox writes it for any field whose example was null, so it says
 *   nothing about the field's real type; it accepts any value (with a warning), never only null.
 * - `const: x` -> `enum: [x]`.
 * - `required: true` on a property (an old Swagger habit) -> the parent's `required` list.
 */
export function normalizeSchemaShapes(document: JsonObject, diagnostics: Diagnostics): void {
  const seen = new Set<JsonObject>();
  const visit = (schema: unknown, at: (string | number)[], depth: number): void => {
    if (!isObject(schema) || seen.has(schema) || depth > MAX_DEPTH) return;
    seen.add(schema);
    reshape(schema, at, diagnostics);
    forEachSubschema(schema, at, (child, childAt) => visit(child, childAt, depth + 1));
  };
  forEachRootSchema(document, (schema, at) => visit(schema, at, 0));
}

/** Deeper than any real spec; the loader refuses deeper nesting before this runs. */
const MAX_DEPTH = 256;

function reshape(schema: JsonObject, at: (string | number)[], diagnostics: Diagnostics): void {
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((t): t is string => typeof t === "string" && t !== "null");
    if (types.length < schema.type.length) schema.nullable = true;
    if (types.length === 1) schema.type = types[0];
    else if (types.length === 0) schema.type = "null";
    else {
      delete schema.type;
      if (schema.anyOf === undefined && schema.oneOf === undefined)
        schema.anyOf = types.map((type) => ({ type }));
    }
  }
  for (const list of ["oneOf", "anyOf"] as const) {
    const members = schema[list];
    if (!Array.isArray(members)) continue;
    const kept = members.filter((m) => !(isObject(m) && m.type === "null" && isBare(m)));
    if (kept.length === members.length || kept.length === 0) continue;
    schema[list] = kept;
    schema.nullable = true;
  }
  if (schema.type === "null") {
    delete schema.type;
    schema.nullable = true;
    diagnostics.warn(
      "type-null",
      `type "null" says only that the example was null; the field accepts any value`,
      { pointer: toPointer([...at, "type"]) },
    );
  }
  if ("const" in schema) {
    const value = schema.const;
    if (!Array.isArray(schema.enum)) schema.enum = [value];
    else if (schema.enum.some((v) => JSON.stringify(v) === JSON.stringify(value)))
      schema.enum = [value];
    delete schema.const;
  }
  if (isObject(schema.properties)) {
    for (const [name, property] of Object.entries(schema.properties)) {
      if (!isObject(property) || typeof property.required !== "boolean") continue;
      if (property.required) {
        const list = Array.isArray(schema.required) ? schema.required : [];
        if (!list.includes(name)) schema.required = [...list, name];
        diagnostics.warn(
          "property-required-boolean",
          `"${name}" says \`required: true\` on itself (a JSON Schema draft 3 habit); listed in its parent's required instead`,
          { pointer: toPointer([...at, "properties", name, "required"]) },
        );
      }
      delete property.required;
    }
  }
  // A boolean left on a schema that is no property (a parameter's, a body's) means nothing here.
  if (typeof schema.required === "boolean") delete schema.required;
}

/** A `{type: "null"}` that says nothing else (a description may ride along). */
function isBare(schema: JsonObject): boolean {
  return Object.keys(schema).every((key) => key === "type" || key === "description");
}

type SchemaVisitor = (schema: unknown, at: (string | number)[]) => void;

const SUBSCHEMA_KEYS = ["items", "additionalProperties", "not", "contains"] as const;
const SUBSCHEMA_LISTS = ["allOf", "oneOf", "anyOf", "prefixItems"] as const;
const SUBSCHEMA_MAPS = ["properties", "patternProperties", "$defs", "definitions"] as const;

function forEachSubschema(schema: JsonObject, at: (string | number)[], visit: SchemaVisitor) {
  for (const key of SUBSCHEMA_KEYS) visit(schema[key], [...at, key]);
  for (const key of SUBSCHEMA_LISTS) {
    const list = schema[key];
    if (Array.isArray(list)) list.forEach((member, i) => visit(member, [...at, key, i]));
  }
  for (const key of SUBSCHEMA_MAPS) {
    const map = schema[key];
    if (isObject(map))
      for (const [name, child] of Object.entries(map)) visit(child, [...at, key, name]);
  }
}

/**
 * Every place a schema starts: components.schemas, and the `schema` of every parameter, header
 * and media type anywhere in paths, webhooks and components.
 */
function forEachRootSchema(document: JsonObject, visit: SchemaVisitor): void {
  const components = isObject(document.components) ? document.components : {};
  if (isObject(components.schemas))
    for (const [name, schema] of Object.entries(components.schemas))
      visit(schema, ["components", "schemas", name]);
  const seen = new Set<unknown>();
  const search = (node: unknown, at: (string | number)[], depth: number): void => {
    if (node === null || typeof node !== "object" || seen.has(node) || depth > MAX_DEPTH) return;
    seen.add(node);
    if (Array.isArray(node)) {
      node.forEach((item, i) => search(item, [...at, i], depth + 1));
      return;
    }
    for (const [key, value] of Object.entries(node as JsonObject)) {
      if (key === "schema") visit(value, [...at, key]);
      else if (key !== "example" && key !== "examples") search(value, [...at, key], depth + 1);
    }
  };
  search(document.paths, ["paths"], 0);
  search(document.webhooks, ["webhooks"], 0);
  for (const key of ["parameters", "requestBodies", "responses", "headers", "pathItems"])
    search(components[key], ["components", key], 0);
}
