import { isObject, type JsonObject } from "./openapi-walk.js";

/**
 * Puts well-known keys in a fixed, reader-friendly order (the order the OpenAPI spec documents
 * them in) so `generated/openapi.json` diffs show contract changes, not key shuffles from
 * overlays. Maps keyed by names (paths, properties, schemas) keep the source order, which is
 * meaningful: it is the order apifox shows fields in. Data (examples, defaults, enums) is
 * never touched.
 */
export function canonicalize(value: unknown): unknown {
  return visit(value, "object");
}

type Position = "object" | "name-map" | "data";

function visit(value: unknown, position: Position): unknown {
  if (position === "data") return value;
  if (Array.isArray(value)) return value.map((item) => visit(item, "object"));
  if (!isObject(value)) return value;
  const keys = Object.keys(value);
  const order =
    position === "object"
      ? KEY_ORDER.find((ks) => keys.some((k) => ANCHORS.has(k) && ks.includes(k)))
      : undefined;
  const ranked = order ? [...keys].sort((a, b) => rank(order, a) - rank(order, b)) : keys;
  const result: JsonObject = {};
  for (const key of ranked) {
    const childPosition: Position =
      position === "name-map"
        ? "object"
        : DATA_KEYS.has(key) || key.startsWith("x-")
          ? "data"
          : NAME_MAPS.has(key)
            ? "name-map"
            : "object";
    result[key] = visit(value[key], childPosition);
  }
  return result;
}

/** Keys whose value maps user-chosen names to objects. */
const NAME_MAPS = new Set([
  "paths",
  "properties",
  "schemas",
  "responses",
  "content",
  "securitySchemes",
  "parameters",
  "requestBodies",
  "headers",
  "links",
  "callbacks",
  "variables",
  "examples",
  "encoding",
]);

/** Keys whose value is instance data, not OpenAPI structure. */
const DATA_KEYS = new Set(["example", "default", "enum", "const", "value", "required"]);

/** Keys that identify which kind of object we are in. */
const ANCHORS = new Set([
  "openapi",
  "operationId",
  "responses",
  "type",
  "$ref",
  "allOf",
  "oneOf",
  "anyOf",
  "properties",
]);

const KEY_ORDER: readonly (readonly string[])[] = [
  ["openapi", "info", "servers", "security", "tags", "paths", "components"],
  [
    "operationId",
    "summary",
    "description",
    "tags",
    "deprecated",
    "parameters",
    "requestBody",
    "responses",
    "security",
    "servers",
  ],
  [
    "$ref",
    "title",
    "description",
    "type",
    "format",
    "nullable",
    "enum",
    "const",
    "default",
    "minimum",
    "exclusiveMinimum",
    "maximum",
    "exclusiveMaximum",
    "multipleOf",
    "minLength",
    "maxLength",
    "pattern",
    "minItems",
    "maxItems",
    "uniqueItems",
    "items",
    "required",
    "properties",
    "additionalProperties",
    "allOf",
    "oneOf",
    "anyOf",
    "not",
    "discriminator",
    "example",
    "examples",
    "deprecated",
    "readOnly",
    "writeOnly",
  ],
];

/** Unlisted keys (extensions) go after the listed ones, in their original relative order. */
function rank(order: readonly string[], key: string): number {
  const index = order.indexOf(key);
  return index === -1 ? order.length : index;
}
