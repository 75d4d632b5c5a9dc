/**
 * Structural walks over an OpenAPI 3.0 document as plain data. Stages use these instead of
 * hand-rolled loops, so "every schema" and "every operation" mean the same thing everywhere.
 */

import { resolvePointer } from "./json-pointer.js";

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export const HTTP_METHODS = [
  "get",
  "put",
  "post",
  "delete",
  "options",
  "head",
  "patch",
  "trace",
] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface OperationRef {
  path: string;
  method: HttpMethod;
  operation: JsonObject;
  /** Pointer segments of the operation object. */
  at: (string | number)[];
}

/** Every operation in document order. */
export function listOperations(document: JsonObject): OperationRef[] {
  const found: OperationRef[] = [];
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, pathItem] of Object.entries(paths)) {
    if (!isObject(pathItem)) continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (isObject(operation)) found.push({ path, method, operation, at: ["paths", path, method] });
    }
  }
  return found;
}

export interface ParameterRef {
  parameter: JsonObject;
  /** Pointer segments of the parameter object. */
  at: (string | number)[];
}

/**
 * Every parameter object written out (not a `$ref` to one): each path item's (shared by its
 * operations), each operation's, then those of `components.parameters`.
 */
export function listParameters(document: JsonObject): ParameterRef[] {
  const found: ParameterRef[] = [];
  const add = (list: unknown, at: (string | number)[]) => {
    const entries = Array.isArray(list)
      ? list.map((parameter, index) => [index, parameter] as const)
      : isObject(list)
        ? Object.entries(list)
        : [];
    for (const [key, parameter] of entries)
      if (isObject(parameter) && parameter.$ref === undefined)
        found.push({ parameter, at: [...at, key] });
  };
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths))
    if (isObject(item)) add(item.parameters, ["paths", path, "parameters"]);
  for (const { operation, at } of listOperations(document))
    add(operation.parameters, [...at, "parameters"]);
  const components = isObject(document.components) ? document.components : {};
  add(components.parameters, ["components", "parameters"]);
  return found;
}

export type SchemaVisitor = (schema: JsonObject, at: (string | number)[]) => void;

/** Visits every inline schema object (not through `$ref`), parents before children. */
export function walkSchemas(document: JsonObject, visit: SchemaVisitor): void {
  for (const { operation, at } of listOperations(document)) {
    walkOperationSchemas(operation, at, visit);
  }
  const components = isObject(document.components) ? document.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  for (const [name, schema] of Object.entries(schemas)) {
    walkSchema(schema, ["components", "schemas", name], visit);
  }
}

function walkOperationSchemas(
  operation: JsonObject,
  at: (string | number)[],
  visit: SchemaVisitor,
) {
  const parameters = Array.isArray(operation.parameters) ? operation.parameters : [];
  parameters.forEach((parameter, index) => {
    if (isObject(parameter))
      walkSchema(parameter.schema, [...at, "parameters", index, "schema"], visit);
  });
  const body = operation.requestBody;
  if (isObject(body)) walkContent(body.content, [...at, "requestBody", "content"], visit);
  const responses = isObject(operation.responses) ? operation.responses : {};
  for (const [status, response] of Object.entries(responses)) {
    if (isObject(response))
      walkContent(response.content, [...at, "responses", status, "content"], visit);
  }
}

function walkContent(content: unknown, at: (string | number)[], visit: SchemaVisitor) {
  if (!isObject(content)) return;
  for (const [mediaType, media] of Object.entries(content)) {
    if (isObject(media)) walkSchema(media.schema, [...at, mediaType, "schema"], visit);
  }
}

const SCHEMA_LISTS = ["allOf", "oneOf", "anyOf"] as const;

export function walkSchema(schema: unknown, at: (string | number)[], visit: SchemaVisitor): void {
  if (!isObject(schema) || typeof schema.$ref === "string") return;
  visit(schema, at);
  if (isObject(schema.properties)) {
    for (const [name, child] of Object.entries(schema.properties)) {
      walkSchema(child, [...at, "properties", name], visit);
    }
  }
  walkSchema(schema.items, [...at, "items"], visit);
  walkSchema(schema.additionalProperties, [...at, "additionalProperties"], visit);
  walkSchema(schema.not, [...at, "not"], visit);
  for (const list of SCHEMA_LISTS) {
    const members = schema[list];
    if (Array.isArray(members)) members.forEach((m, i) => walkSchema(m, [...at, list, i], visit));
  }
}

/** Follows local `$ref`s (bounded, so a cycle cannot hang) to the schema object they name. */
export function resolveSchema(schema: unknown, document: JsonObject): JsonObject | undefined {
  let current = schema;
  for (let hops = 0; isObject(current) && typeof current.$ref === "string" && hops < 32; hops++) {
    current = resolvePointer(document, current.$ref);
  }
  return isObject(current) ? current : undefined;
}
