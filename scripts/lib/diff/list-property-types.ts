import { isObject, listOperations, resolveSchema, type JsonObject } from "../openapi-walk.js";
import { WORK_DONE } from "./comparison-budget.js";
import { childPointer, DISTRIBUTED, viewSchema, type SchemaView } from "./schema-view.js";

/** Far enough for the fields callers set and read; a recursive schema stops here. */
const MAX_DEPTH = 5;

/**
 * Property paths listed per operation (and per component): union members that name the
 * component below twice, layer after layer, unfold to 2^n paths. The contract diff, not this
 * informational section, is what gates a release, and it reports where its own budget ran out.
 */
export const MAX_PATHS = 2_000;

function record(types: Map<string, PropertyType>, path: string, type: PropertyType): void {
  if (types.size >= MAX_PATHS && !types.has(path)) return;
  WORK_DONE.typePaths++;
  types.set(path, type);
}

/** One property's type and whether callers may leave it out (TypeScript's `?`). */
export interface PropertyType {
  type: string;
  optional: boolean;
}

/**
 * Each operation's input and output property types, keyed `METHOD /path` then by property
 * path (`input.images[].url`, `output 200<Cat>.meow`).
 */
export function operationTypes(document: JsonObject): Map<string, Map<string, PropertyType>> {
  const found = new Map<string, Map<string, PropertyType>>();
  for (const { method, path, operation, at } of listOperations(document)) {
    const types = new Map<string, PropertyType>();
    const body = resolveSchema(operation.requestBody, document);
    const input = firstSchema(body?.content);
    if (input) collect(document, input, childPointer("#", ...at, "requestBody"), "input", types, 0);
    const responses = isObject(operation.responses) ? operation.responses : {};
    for (const [status, response] of Object.entries(responses)) {
      const resolved = /^2/.test(status) ? resolveSchema(response, document) : undefined;
      if (!resolved) continue;
      const output = firstSchema(resolved.content);
      if (output)
        collect(
          document,
          output,
          childPointer("#", ...at, "responses", status),
          `output ${status}`,
          types,
          0,
        );
    }
    found.set(`${method.toUpperCase()} ${path}`, types);
  }
  return found;
}

function firstSchema(content: unknown): unknown {
  if (!isObject(content)) return undefined;
  const json = content["application/json"] ?? Object.values(content)[0];
  return isObject(json) ? json.schema : undefined;
}

/** A component's property types, keyed relative to it, per document and depth left. */
const byComponent = new WeakMap<JsonObject, Map<string, Map<string, PropertyType>>>();

function collect(
  document: JsonObject,
  schema: unknown,
  pointer: string,
  prefix: string,
  types: Map<string, PropertyType>,
  depth: number,
): void {
  if (isObject(schema) && typeof schema.$ref === "string") {
    // Components are shared by many operations: list each one's properties once.
    let cache = byComponent.get(document);
    if (!cache) byComponent.set(document, (cache = new Map()));
    const key = `${depth} ${schema.$ref}`;
    let relative = cache.get(key);
    if (!relative) {
      relative = new Map();
      cache.set(key, relative); // a cycle back here finds it empty and stops
      collectInline(document, schema, pointer, "", relative, depth);
    }
    for (const [path, type] of relative) {
      if (types.size >= MAX_PATHS) break;
      record(types, prefix + path, type);
    }
    return;
  }
  collectInline(document, schema, pointer, prefix, types, depth);
}

function collectInline(
  document: JsonObject,
  schema: unknown,
  pointer: string,
  prefix: string,
  types: Map<string, PropertyType>,
  depth: number,
): void {
  const written = viewSchema(schema, document, pointer);
  if (!written || depth > MAX_DEPTH) return;
  const view = soleMember(written, document);
  const properties = isObject(view.schema.properties) ? view.schema.properties : {};
  const required = new Set(
    Array.isArray(view.schema.required) ? view.schema.required.map(String) : [],
  );
  for (const [name, child] of Object.entries(properties)) {
    const written = viewSchema(child, document, childPointer(view.pointer, "properties", name));
    if (!written) continue;
    record(types, `${prefix}.${name}`, {
      type: render(written, document, 0),
      optional: !required.has(name),
    });
    const childView = soleMember(written, document);
    if (isObject(childView.schema.properties) || variantsOf(childView.schema).length > 0)
      collect(document, child, written.pointer, `${prefix}.${name}`, types, depth + 1);
    else if (isObject(childView.schema.items))
      collect(
        document,
        childView.schema.items,
        childPointer(childView.pointer, "items"),
        `${prefix}.${name}[]`,
        types,
        depth + 1,
      );
  }
  // Each member of a union lists its own properties, named as the contract diff names them
  // (`items[]<MCPToolCall>.error`). Only members written as a `$ref`: an inline member has no
  // name that survives the spec reordering its union. A member is no deeper than its union
  // (MAX_DEPTH counts properties and items), so a union gaining a member hides no field; a
  // cycle through unions alone stops at the component cache.
  for (const [list, variants] of variantsOf(view.schema))
    variants.forEach((variant, i) => {
      const name = refName(variant);
      if (name)
        collect(
          document,
          variant,
          childPointer(view.pointer, list, i),
          `${prefix}<${name}>`,
          types,
          depth,
        );
    });
}

/**
 * The member of a one-member union, as callers see it (the pipeline writes OpenAPI 3.1's
 * `anyOf: [X, {type: "null"}]` as `nullable` + `anyOf: [X]`); any other schema as it is.
 */
function soleMember(view: SchemaView, document: JsonObject): SchemaView {
  const unions = variantsOf(view.schema);
  if (unions.length !== 1 || unions[0]![1].length !== 1) return view;
  const [list, [member]] = unions[0]!;
  return viewSchema(member, document, childPointer(view.pointer, list, 0)) ?? view;
}

function variantsOf(schema: JsonObject): ["oneOf" | "anyOf", unknown[]][] {
  return (["oneOf", "anyOf"] as const).flatMap((list) =>
    Array.isArray(schema[list]) ? [[list, schema[list] as unknown[]] as const] : [],
  ) as ["oneOf" | "anyOf", unknown[]][];
}

/**
 * The component a union member was written as, also once distributed over the union's own keys
 * (a union of unions is distributed at each level: `allOf: [outer, allOf: [outer, $ref]]`).
 */
function refName(variant: unknown): string | undefined {
  let written = variant;
  for (let hops = 0; hops < 32 && isDistributed(written); hops++) written = written.allOf[1];
  return isObject(written) && typeof written.$ref === "string"
    ? written.$ref.split("/").pop()
    : undefined;
}

function isDistributed(schema: unknown): schema is JsonObject & { allOf: unknown[] } {
  return isObject(schema) && schema[DISTRIBUTED] === true && Array.isArray(schema.allOf);
}

/** A property's type as TypeScript shows it; nested objects by name (their fields are listed). */
function render(view: SchemaView, document: JsonObject, depth: number): string {
  const base = renderShape(view, document, depth);
  return view.nullable && base !== "unknown" ? union([base, "null"]) : base;
}

function renderShape(view: SchemaView, document: JsonObject, depth: number): string {
  const schema = view.schema;
  if (depth > 3) return "unknown";
  if (Array.isArray(schema.enum) && schema.enum.length > 0)
    return union(schema.enum.map((v) => JSON.stringify(v)));
  const variants = Array.isArray(schema.oneOf)
    ? schema.oneOf
    : Array.isArray(schema.anyOf)
      ? schema.anyOf
      : undefined;
  if (variants) {
    const members = variants
      .map((v, i) => viewSchema(v, document, childPointer(view.pointer, "oneOf", i)))
      .map((v) => (v ? render(v, document, depth + 1) : "unknown"));
    return union(members);
  }
  const types = Array.isArray(schema.type) ? schema.type.map(String) : [String(schema.type ?? "")];
  return union(
    types.map((type) => {
      switch (type) {
        case "string":
          return "string";
        case "integer":
        case "number":
          return "number";
        case "boolean":
          return "boolean";
        case "array": {
          const items = viewSchema(schema.items, document, childPointer(view.pointer, "items"));
          const inner = items ? render(items, document, depth + 1) : "unknown";
          return inner.includes("|") ? `(${inner})[]` : `${inner}[]`;
        }
        case "object":
          return view.ref?.split("/").pop() ?? "object";
        default:
          return view.ref?.split("/").pop() ?? (isObject(schema.properties) ? "object" : "unknown");
      }
    }),
  );
}

function union(members: string[]): string {
  return [...new Set(members.flatMap(topLevelMembers))].sort().join(" | ");
}

/** `a | (b | c)[]` -> `a`, `(b | c)[]`: only the bars outside parentheses separate members. */
function topLevelMembers(type: string): string[] {
  const members: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < type.length; i++) {
    const char = type[i];
    if (char === "(") depth++;
    else if (char === ")") depth--;
    else if (depth === 0 && type.startsWith(" | ", i)) {
      members.push(type.slice(start, i));
      start = i + 3;
      i += 2;
    }
  }
  members.push(type.slice(start));
  return members;
}
