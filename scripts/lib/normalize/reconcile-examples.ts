import type { Diagnostics } from "../diagnostics.js";
import { coerceToType, matchesType } from "../infer/coerce.js";
import { toPointer } from "../json-pointer.js";
import { isObject, listOperations, walkSchemas, type JsonObject } from "../openapi-walk.js";

/**
 * Examples in apifox exports are typed by hand and drift from their schemas: `safety_tolerance`
 * is a string whose example is the integer 2; `aspect_ratio`'s example is the placeholder
 * "string". Runs last, when enums from prose and overlays are known: a value that can be
 * coerced to its type is; one outside the schema's enum or range is dropped. Each is reported.
 */
export function reconcileExamples(document: JsonObject, diagnostics: Diagnostics): void {
  walkSchemas(document, (schema, at) => {
    if ("example" in schema) {
      const fixed = reconcileValue(schema.example, schema, [...at, "example"], diagnostics);
      if (fixed === DROP) delete schema.example;
      else schema.example = fixed;
    }
  });
  for (const { operation, at } of listOperations(document)) {
    const body = operation.requestBody;
    const content = isObject(body) && isObject(body.content) ? body.content : {};
    for (const [mediaType, media] of Object.entries(content)) {
      if (!isObject(media) || !("example" in media) || !isObject(media.schema)) continue;
      const where = [...at, "requestBody", "content", mediaType, "example"];
      const fixed = reconcileValue(media.example, media.schema, where, diagnostics);
      if (fixed === DROP) delete media.example;
      else media.example = fixed;
    }
  }
}

const DROP = Symbol("drop");

function reconcileValue(
  value: unknown,
  schema: JsonObject,
  at: (string | number)[],
  diagnostics: Diagnostics,
): unknown {
  const pointer = toPointer(at);
  if (isObject(value) && isObject(schema.properties)) {
    const properties = schema.properties;
    const result: JsonObject = {};
    for (const [key, child] of Object.entries(value)) {
      const childSchema = properties[key];
      if (!isObject(childSchema)) {
        result[key] = child;
        continue;
      }
      const fixed = reconcileValue(child, childSchema, [...at, key], diagnostics);
      if (fixed !== DROP) result[key] = fixed;
    }
    return result;
  }
  let fixed = value;
  if (!matchesType(value, schema.type)) {
    const primitive = ["number", "boolean", "string"].includes(typeof value);
    const coerced = primitive ? coerceToType(String(value), schema.type) : undefined;
    if (coerced === undefined) {
      diagnostics.warn(
        "example-type-mismatch",
        `example ${JSON.stringify(value)} is not of type ${String(schema.type)}; removed`,
        { pointer },
      );
      return DROP;
    }
    diagnostics.warn(
      "example-type-mismatch",
      `example ${JSON.stringify(value)} is not of type ${String(schema.type)}; using ${JSON.stringify(coerced)}`,
      { pointer },
    );
    fixed = coerced;
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(fixed)) {
    diagnostics.warn(
      "example-not-in-enum",
      `example ${JSON.stringify(fixed)} is not one of ${JSON.stringify(schema.enum)}; removed`,
      { pointer },
    );
    return DROP;
  }
  const tooLow =
    typeof schema.minimum === "number" && typeof fixed === "number" && fixed < schema.minimum;
  const tooHigh =
    typeof schema.maximum === "number" && typeof fixed === "number" && fixed > schema.maximum;
  if (tooLow || tooHigh) {
    diagnostics.warn(
      "example-out-of-range",
      `example ${String(fixed)} is outside ${String(schema.minimum ?? "")}..${String(schema.maximum ?? "")}; removed`,
      { pointer },
    );
    return DROP;
  }
  return fixed;
}
