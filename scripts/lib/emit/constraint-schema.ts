import { isObject, resolveSchema, type JsonObject } from "../openapi-walk.js";

/**
 * The subset of JSON Schema the runtime validator and the emulator read, with `$ref`s
 * resolved inline: small, self-contained and free of documentation noise. What is kept is
 * exactly what can be checked before a request is sent.
 */
export function toConstraintSchema(schema: unknown, document: JsonObject, depth = 0): JsonObject {
  const resolved = resolveSchema(schema, document);
  // Recursive schemas are cut off rather than unrolled forever; deeper levels go unchecked.
  if (!isObject(resolved) || depth > MAX_DEPTH) return {};
  const out: JsonObject = {};
  for (const key of SCALAR_KEYWORDS) {
    if (resolved[key] !== undefined) out[key] = structuredClone(resolved[key]);
  }
  if (isObject(resolved.properties)) {
    const properties: JsonObject = {};
    for (const [name, child] of Object.entries(resolved.properties)) {
      properties[name] = toConstraintSchema(child, document, depth + 1);
    }
    out.properties = properties;
  }
  if (resolved.items !== undefined)
    out.items = toConstraintSchema(resolved.items, document, depth + 1);
  if (isObject(resolved.additionalProperties)) {
    out.additionalProperties = toConstraintSchema(
      resolved.additionalProperties,
      document,
      depth + 1,
    );
  } else if (typeof resolved.additionalProperties === "boolean") {
    out.additionalProperties = resolved.additionalProperties;
  }
  for (const list of ["oneOf", "anyOf", "allOf"] as const) {
    const members = resolved[list];
    if (Array.isArray(members))
      out[list] = members.map((m) => toConstraintSchema(m, document, depth + 1));
  }
  return out;
}

const MAX_DEPTH = 12;

const SCALAR_KEYWORDS = [
  "type",
  "format",
  "nullable",
  "enum",
  "default",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minLength",
  "maxLength",
  "pattern",
  "minItems",
  "maxItems",
  "uniqueItems",
  "required",
  "description",
] as const;
