import type { Diagnostics } from "../diagnostics.js";
import { toPointer } from "../json-pointer.js";
import { isObject, listOperations, type JsonObject } from "../openapi-walk.js";

/**
 * apifox exports a second response for the same status under a key like `x-200:Success`, which
 * OpenAPI reads as an extension and every tool ignores, although it often holds the only real
 * schema. Such a key is read as its status: it takes the status's place when the status is
 * missing or declares no schema, and is dropped (with a warning) when the status has its own.
 */
const STATUS_KEY = /^x-([1-5][0-9X]{2}|default):/i;

export function readApifoxStatusKeys(document: JsonObject, diagnostics: Diagnostics): void {
  for (const { operation, at } of listOperations(document)) {
    if (!isObject(operation.responses)) continue;
    const responses = operation.responses;
    for (const key of Object.keys(responses)) {
      const status = STATUS_KEY.exec(key)?.[1]?.toUpperCase();
      if (status === undefined) continue;
      const pointer = toPointer([...at, "responses", key]);
      const existing = responses[status];
      const response = responses[key];
      delete responses[key];
      if (existing === undefined || !hasSchema(existing)) {
        responses[status] = response;
        diagnostics.warn("apifox-status-key", `response key "${key}" read as status ${status}`, {
          pointer,
        });
      } else {
        diagnostics.warn(
          "apifox-status-key",
          `response key "${key}" dropped: status ${status} has its own schema`,
          { pointer },
        );
      }
    }
  }
}

function hasSchema(response: unknown): boolean {
  if (!isObject(response) || !isObject(response.content)) return false;
  return Object.values(response.content).some((media) => {
    if (!isObject(media) || !isObject(media.schema)) return false;
    const schema = media.schema;
    return (
      typeof schema.$ref === "string" ||
      (isObject(schema.properties) && Object.keys(schema.properties).length > 0) ||
      ["allOf", "oneOf", "anyOf", "items", "enum"].some((k) => k in schema) ||
      (schema.type !== undefined && schema.type !== "object")
    );
  });
}
