import {
  isObject,
  listOperations,
  listParameters,
  walkSchemas,
  type JsonObject,
} from "../openapi-walk.js";

/**
 * openapi-typescript resolves every `$ref` it meets, even one inside an example, which is data:
 * a spec that writes `example: { $ref: "examples.yml#/thing" }` under a media type (DigitalOcean's
 * does) fails there with "Can't resolve $ref". The copy handed to openapi-typescript goes without
 * such examples (mutated in place: call it on a copy); every other example stays, as the
 * `@example` tags it becomes. A Reference Object in an `examples` map is a real reference: kept.
 */
export function dropExamplesHoldingRefs(document: JsonObject): JsonObject {
  for (const { parameter } of listParameters(document)) dropFrom(parameter);
  for (const { operation } of listOperations(document)) {
    dropFromContent(operation.requestBody);
    forEachValue(operation.responses, dropFromResponse);
  }
  const components = isObject(document.components) ? document.components : {};
  forEachValue(components.headers, dropFrom);
  forEachValue(components.requestBodies, dropFromContent);
  forEachValue(components.responses, dropFromResponse);
  forEachValue(components.examples, dropValueHoldingRef);
  walkSchemas(document, (schema) => {
    if (holdsRef(schema.example)) delete schema.example;
  });
  return document;
}

/** Whether data holds a `$ref` key anywhere (bounded by the document, which is finite JSON). */
function holdsRef(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(holdsRef);
  if (!isObject(value)) return false;
  return "$ref" in value || Object.values(value).some(holdsRef);
}

/** A media type, parameter or header: its `example`, and the `value`s of its `examples`. */
function dropFrom(target: unknown): void {
  if (!isObject(target)) return;
  if (holdsRef(target.example)) delete target.example;
  forEachValue(target.examples, dropValueHoldingRef);
}

function dropValueHoldingRef(example: unknown): void {
  if (isObject(example) && holdsRef(example.value)) delete example.value;
}

function dropFromContent(holder: unknown): void {
  if (isObject(holder)) forEachValue(holder.content, dropFrom);
}

function dropFromResponse(response: unknown): void {
  dropFromContent(response);
  if (isObject(response)) forEachValue(response.headers, dropFrom);
}

function forEachValue(map: unknown, visit: (value: unknown) => void): void {
  if (isObject(map)) Object.values(map).forEach(visit);
}
