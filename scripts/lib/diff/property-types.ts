import { isObject, listOperations, resolveSchema, type JsonObject } from "../openapi-walk.js";
import { childPointer, viewSchema, type SchemaView } from "./schema-view.js";
import type { SurfaceChange } from "./surface-diff.js";

/** Far enough for the fields callers set and read; a recursive schema stops here. */
const MAX_DEPTH = 5;

/**
 * Each operation's input and output property types as TypeScript spells them (`num_images?:
 * 1 | 2 | 4`, `seed: number | null`), compared between the two sides: what a caller's code sees
 * change, even where no named type or enum moved. Unions are sorted and properties keyed by
 * path, so reordering the spec changes nothing here.
 */
export function diffPropertyTypes(base: JsonObject, head: JsonObject): SurfaceChange[] {
  const before = operationTypes(base);
  const after = operationTypes(head);
  const changes: SurfaceChange[] = [];
  for (const [operation, was] of before) {
    const now = after.get(operation);
    if (!now) continue; // a removed operation is the contract diff's to report
    for (const [path, type] of was) {
      const next = now.get(path);
      if (next === undefined)
        changes.push({
          kind: "removed",
          name: `${operation} ${spelled(path, type)}`,
          detail: "removed",
          before: type.type,
        });
      else if (next.optional !== type.optional)
        changes.push(optionalityChange(`${operation} ${path}`, path, type, next));
      else if (next.type !== type.type)
        changes.push({
          kind: "changed",
          name: `${operation} ${spelled(path, next)}`,
          detail: `${type.type} -> ${next.type}`,
          before: type.type,
          after: next.type,
        });
    }
    for (const [path, type] of now)
      if (!was.has(path))
        changes.push({
          kind: "added",
          name: `${operation} ${spelled(path, type)}`,
          detail: "added",
          after: type.type,
        });
  }
  return changes;
}

/** One property's type and whether callers may leave it out (TypeScript's `?`). */
interface PropertyType {
  type: string;
  optional: boolean;
}

function spelled(path: string, type: PropertyType): string {
  return `${path}${type.optional ? "?" : ""}`;
}

/**
 * A property that became optional or required is one change, not a removed `x` beside an added
 * `x?`: the two lines show the property as each side declares it.
 */
function optionalityChange(
  name: string,
  path: string,
  was: PropertyType,
  now: PropertyType,
): SurfaceChange {
  const field = path.slice(path.lastIndexOf(".") + 1);
  const became = now.optional ? "became optional" : "became required";
  return {
    kind: "changed",
    name,
    detail: was.type === now.type ? became : `${became}; ${was.type} -> ${now.type}`,
    before: `${spelled(field, was)}: ${was.type}`,
    after: `${spelled(field, now)}: ${now.type}`,
  };
}

function operationTypes(document: JsonObject): Map<string, Map<string, PropertyType>> {
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
    for (const [path, type] of relative) types.set(prefix + path, type);
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
  const view = viewSchema(schema, document, pointer);
  if (!view || depth > MAX_DEPTH) return;
  const properties = isObject(view.schema.properties) ? view.schema.properties : {};
  const required = new Set(
    Array.isArray(view.schema.required) ? view.schema.required.map(String) : [],
  );
  for (const [name, child] of Object.entries(properties)) {
    const childView = viewSchema(child, document, childPointer(view.pointer, "properties", name));
    if (!childView) continue;
    types.set(`${prefix}.${name}`, {
      type: render(childView, document, 0),
      optional: !required.has(name),
    });
    if (isObject(childView.schema.properties))
      collect(document, child, childView.pointer, `${prefix}.${name}`, types, depth + 1);
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
