import type { Diagnostics } from "../diagnostics.js";
import { toPointer } from "../json-pointer.js";
import { isObject, listOperations, type JsonObject } from "../openapi-walk.js";

/**
 * apifox never sets `requestBody.required`, which makes openapi-typescript emit an optional
 * body. A body whose schema requires properties cannot be omitted, so we mark it required.
 */
export function requireRequestBodies(document: JsonObject, diagnostics: Diagnostics): void {
  for (const { operation, at } of listOperations(document)) {
    const body = operation.requestBody;
    if (!isObject(body) || body.required !== undefined) continue;
    const content = isObject(body.content) ? body.content : {};
    const requiresProperties = Object.values(content).some(
      (media) => isObject(media) && isObject(media.schema) && nonEmptyArray(media.schema.required),
    );
    if (!requiresProperties) continue;
    body.required = true;
    diagnostics.warn(
      "request-body-not-required",
      "request body has required properties but is not marked required; marking it required",
      { pointer: toPointer([...at, "requestBody"]) },
    );
  }
}

function nonEmptyArray(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}
