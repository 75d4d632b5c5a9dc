import type { Diagnostics } from "../diagnostics.js";
import { toPointer } from "../json-pointer.js";
import { isObject, listOperations, type JsonObject } from "../openapi-walk.js";

/**
 * apifox writes an undocumented response as `{type: object, properties: {}}`, which
 * openapi-typescript turns into `Record<string, never>`: a type no real answer satisfies.
 * We read it as "some JSON object we know nothing about" instead.
 */
export function openEmptyResponses(document: JsonObject, diagnostics: Diagnostics): void {
  for (const { operation, at } of listOperations(document)) {
    const responses = isObject(operation.responses) ? operation.responses : {};
    for (const [status, response] of Object.entries(responses)) {
      const content = isObject(response) && isObject(response.content) ? response.content : {};
      for (const [mediaType, media] of Object.entries(content)) {
        const schema = isObject(media) ? media.schema : undefined;
        if (!isEmptyObjectSchema(schema)) continue;
        schema.additionalProperties = true;
        delete schema.properties;
        diagnostics.warn(
          "empty-response-schema",
          `response ${status} declares an object with no properties; typing it as an open JSON object`,
          { pointer: toPointer([...at, "responses", status, "content", mediaType, "schema"]) },
        );
      }
    }
  }
}

function isEmptyObjectSchema(schema: unknown): schema is Record<string, unknown> {
  if (!isObject(schema) || schema.$ref !== undefined) return false;
  const properties = schema.properties;
  const noProperties =
    properties === undefined || (isObject(properties) && Object.keys(properties).length === 0);
  const composed = ["allOf", "oneOf", "anyOf", "items"].some((key) => key in schema);
  return (
    (schema.type === "object" || schema.type === undefined) &&
    noProperties &&
    !composed &&
    schema.additionalProperties === undefined
  );
}
