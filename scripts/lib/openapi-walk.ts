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

/**
 * `at` is one path stack shared by the whole walk, pushed and popped around each child: valid
 * only during the call, so a visitor that keeps it copies it (`[...at]`, `toPointer(at)`).
 * Copying the path at every node was most of a big spec's walking time and garbage.
 */
export type SchemaVisitor = (schema: JsonObject, at: readonly (string | number)[]) => void;

/** Visits every inline schema object (not through `$ref`), parents before children. */
export function walkSchemas(document: JsonObject, visit: SchemaVisitor): void {
  const stack: (string | number)[] = [];
  for (const { operation, at } of listOperations(document)) {
    stack.push(...at);
    walkOperationSchemas(operation, stack, visit);
    stack.length = 0;
  }
  const components = isObject(document.components) ? document.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  stack.push("components", "schemas");
  for (const name of Object.keys(schemas)) walkChild(schemas[name], stack, name, visit);
}

function walkOperationSchemas(
  operation: JsonObject,
  stack: (string | number)[],
  visit: SchemaVisitor,
) {
  const parameters = Array.isArray(operation.parameters) ? operation.parameters : [];
  stack.push("parameters");
  for (let index = 0; index < parameters.length; index++) {
    const parameter: unknown = parameters[index];
    if (!isObject(parameter)) continue;
    stack.push(index);
    walkChild(parameter.schema, stack, "schema", visit);
    stack.pop();
  }
  stack.pop();
  const body = operation.requestBody;
  if (isObject(body)) {
    stack.push("requestBody");
    walkContent(body.content, stack, visit);
    stack.pop();
  }
  const responses = isObject(operation.responses) ? operation.responses : {};
  stack.push("responses");
  for (const status of Object.keys(responses)) {
    const response = responses[status];
    if (!isObject(response)) continue;
    stack.push(status);
    walkContent(response.content, stack, visit);
    stack.pop();
  }
  stack.pop();
}

function walkContent(content: unknown, stack: (string | number)[], visit: SchemaVisitor) {
  if (!isObject(content)) return;
  stack.push("content");
  for (const mediaType of Object.keys(content)) {
    const media = content[mediaType];
    if (!isObject(media)) continue;
    stack.push(mediaType);
    walkChild(media.schema, stack, "schema", visit);
    stack.pop();
  }
  stack.pop();
}

const SCHEMA_LISTS = ["allOf", "oneOf", "anyOf"] as const;

export function walkSchema(schema: unknown, at: (string | number)[], visit: SchemaVisitor): void {
  walkFrom(schema, [...at], visit);
}

/** Walks `schema` found under `key`, keeping the stack as it was given. */
function walkChild(
  schema: unknown,
  stack: (string | number)[],
  key: string | number,
  visit: SchemaVisitor,
): void {
  // Checked before the push: most values under these keys are `$ref`s or absent.
  if (!isObject(schema) || typeof schema.$ref === "string") return;
  stack.push(key);
  walkFrom(schema, stack, visit);
  stack.pop();
}

function walkFrom(schema: unknown, stack: (string | number)[], visit: SchemaVisitor): void {
  if (!isObject(schema) || typeof schema.$ref === "string") return;
  visit(schema, stack);
  const properties = schema.properties;
  if (isObject(properties)) {
    stack.push("properties");
    for (const name of Object.keys(properties)) walkChild(properties[name], stack, name, visit);
    stack.pop();
  }
  walkChild(schema.items, stack, "items", visit);
  walkChild(schema.additionalProperties, stack, "additionalProperties", visit);
  walkChild(schema.not, stack, "not", visit);
  for (const list of SCHEMA_LISTS) {
    const members = schema[list];
    if (!Array.isArray(members)) continue;
    stack.push(list);
    for (let index = 0; index < members.length; index++)
      walkChild(members[index], stack, index, visit);
    stack.pop();
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
