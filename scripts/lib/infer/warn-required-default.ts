import type { Diagnostics } from "../diagnostics.js";
import { toPointer } from "../json-pointer.js";
import { isObject, walkSchemas, type JsonObject } from "../openapi-walk.js";
import { INFERRED_KEYWORDS } from "./infer-constraints.js";
import { listParameterSchemas } from "./parameter-schemas.js";

/**
 * A default is what the server uses when a field is left out, so a field that is required and
 * has one says two things at once. Which is meant cannot be known from the export: the explicit
 * `required` stays (a call that sends the field is valid either way), and a warning names both.
 */
export function warnRequiredWithDefault(document: JsonObject, diagnostics: Diagnostics): void {
  walkSchemas(document, (schema, at) => {
    if (!Array.isArray(schema.required) || !isObject(schema.properties)) return;
    for (const name of schema.required) {
      const property = schema.properties[String(name)];
      if (!isObject(property) || property.default === undefined) continue;
      diagnostics.warn(
        "required-with-default",
        `"${String(name)}" is required and has the default ${JSON.stringify(property.default)}${fromProse(property)}; a default only matters when a field may be left out, so one of the two is wrong: it stays required`,
        { pointer: toPointer([...at, "properties", String(name)]) },
      );
    }
  });
  for (const { parameter, schema, at } of listParameterSchemas(document)) {
    if (parameter.required !== true || schema.default === undefined || parameter.in === "path")
      continue;
    diagnostics.warn(
      "required-with-default",
      `parameter "${String(parameter.name)}" is required and has the default ${JSON.stringify(schema.default)}${fromProse(schema)}; it stays required`,
      { pointer: toPointer(at) },
    );
  }
}

function fromProse(schema: JsonObject): string {
  const inferred = schema[INFERRED_KEYWORDS];
  return Array.isArray(inferred) && inferred.includes("default")
    ? " (read from its description)"
    : "";
}
