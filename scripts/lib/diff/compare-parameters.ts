import { isObject, type JsonObject } from "../openapi-walk.js";
import { resolvePointer } from "../json-pointer.js";
import { compareSchemas, type SchemaContext } from "./compare-schemas.js";
import { emitChange } from "./emit-change.js";
import { childPointer, viewSchema } from "./schema-view.js";

interface Parameter {
  in: string;
  name: string;
  required: boolean;
  deprecated: boolean;
  schema: unknown;
  /** How it is serialized, with OpenAPI's defaults filled in (`form` + explode for query). */
  style: string;
  explode: boolean;
  /** Where the parameter object is written (after its `$ref`). */
  pointer: string;
}

/**
 * Path, query, header and cookie parameters of one operation, matched by `in` + `name` (header
 * names without case, as HTTP reads them), through `$ref`s and with the path item's parameters
 * that the operation does not override. Rule ids and levels are oasdiff's. `pathRenames` maps a
 * base path parameter to the head's name for the same slot of a renamed path template.
 */
export function compareParameters(
  context: Omit<SchemaContext, "parameter">,
  was: { pathItem: JsonObject; operation: JsonObject; at: string },
  now: { pathItem: JsonObject; operation: JsonObject; at: string },
  pathRenames: ReadonlyMap<string, string> = new Map(),
): void {
  const before = renamePathParameters(parametersOf(was, context.base), pathRenames);
  const after = parametersOf(now, context.head);
  for (const [key, parameter] of before) {
    const counterpart = after.get(key);
    const label = `${parameter.in} parameter \`${parameter.name}\``;
    if (!counterpart) {
      emitChange(
        context,
        parameter.deprecated
          ? "request-parameter-removed-with-deprecation"
          : "request-parameter-removed",
        `${label} removed`,
        parameter.name,
        { before: parameter.name, pointers: { base: parameter.pointer, head: now.at } },
      );
      continue;
    }
    const pointers = { base: parameter.pointer, head: counterpart.pointer };
    if (!parameter.required && counterpart.required)
      emitChange(
        context,
        "request-parameter-became-required",
        `${label} became required`,
        parameter.name,
        { pointers },
      );
    if (parameter.required && !counterpart.required)
      emitChange(
        context,
        "request-parameter-became-optional",
        `${label} became optional`,
        parameter.name,
        { pointers },
      );
    compareSerialization(context, parameter, counterpart, label);
    compareSchemas(
      { ...context, parameter: { in: parameter.in, name: parameter.name } },
      parameter.schema,
      counterpart.schema,
      parameter.name,
      {
        base: childPointer(parameter.pointer, "schema"),
        head: childPointer(counterpart.pointer, "schema"),
      },
      0,
      true,
    );
  }
  for (const [key, parameter] of after) {
    if (before.has(key)) continue;
    const id =
      parameter.in === "path"
        ? "new-request-path-parameter"
        : parameter.required
          ? "new-required-request-parameter"
          : "new-optional-request-parameter";
    emitChange(
      context,
      id,
      `${parameter.in} parameter \`${parameter.name}\` added${parameter.required ? " (required)" : ""}`,
      parameter.name,
      { after: parameter.name, pointers: { base: was.at, head: parameter.pointer } },
    );
  }
}

/**
 * `style` and `explode` decide how an array or object is written on the wire (`a=1&a=2` or
 * `a=1,2`): a change makes the server misread what callers send. A single value is written the
 * same way in every style, so only arrays and objects are compared.
 */
function compareSerialization(
  context: Omit<SchemaContext, "parameter">,
  was: Parameter,
  now: Parameter,
  label: string,
): void {
  const structured = (p: Parameter, document: JsonObject) => {
    const type = viewSchema(p.schema, document, p.pointer)?.schema.type;
    return type === "array" || type === "object";
  };
  if (!structured(was, context.base) && !structured(now, context.head)) return;
  const pointers = { base: was.pointer, head: now.pointer };
  if (was.style !== now.style)
    emitChange(
      context,
      "request-parameter-style-changed",
      `${label} style ${was.style} -> ${now.style}`,
      was.name,
      {
        before: was.style,
        after: now.style,
        pointers,
      },
    );
  if (was.explode !== now.explode)
    emitChange(
      context,
      "request-parameter-explode-changed",
      `${label} explode ${was.explode} -> ${now.explode}`,
      was.name,
      { before: was.explode, after: now.explode, pointers },
    );
}

function parametersOf(
  side: { pathItem: JsonObject; operation: JsonObject; at: string },
  document: JsonObject,
): Map<string, Parameter> {
  const found = new Map<string, Parameter>();
  const pathAt = side.at.replace(/\/[^/]+$/, "");
  // Path-level first: the operation's own parameter of the same in + name overrides it.
  for (const [list, at] of [
    [side.pathItem.parameters, pathAt],
    [side.operation.parameters, side.at],
  ] as const) {
    if (!Array.isArray(list)) continue;
    list.forEach((entry, index) => {
      const parameter = readParameter(entry, document, childPointer(at, "parameters", index));
      if (parameter) found.set(keyOf(parameter), parameter);
    });
  }
  return found;
}

/**
 * Keys base path parameters by the head's name for their slot, unless that name is already a
 * base parameter of its own (a spec that declared both): then matching by name stays.
 */
function renamePathParameters(
  parameters: Map<string, Parameter>,
  renames: ReadonlyMap<string, string>,
): Map<string, Parameter> {
  if (renames.size === 0) return parameters;
  const renamed = new Map<string, Parameter>();
  for (const [key, parameter] of parameters) {
    const to = parameter.in === "path" ? renames.get(parameter.name) : undefined;
    const target = to === undefined ? key : `path:${to}`;
    renamed.set(to !== undefined && !parameters.has(target) ? target : key, parameter);
  }
  return renamed;
}

function readParameter(
  entry: unknown,
  document: JsonObject,
  pointer: string,
): Parameter | undefined {
  let current = entry;
  let at = pointer;
  for (let hops = 0; isObject(current) && typeof current.$ref === "string" && hops < 32; hops++) {
    at = current.$ref;
    current = resolvePointer(document, current.$ref);
  }
  if (!isObject(current) || typeof current.name !== "string" || typeof current.in !== "string")
    return undefined;
  const style =
    typeof current.style === "string"
      ? current.style
      : current.in === "query" || current.in === "cookie"
        ? "form"
        : "simple";
  return {
    in: current.in,
    name: current.name,
    style,
    explode: typeof current.explode === "boolean" ? current.explode : style === "form",
    // Path parameters are always required, whatever the document says.
    required: current.in === "path" || current.required === true,
    deprecated: current.deprecated === true,
    schema: current.schema ?? firstContentSchema(current.content),
    pointer: at,
  };
}

function firstContentSchema(content: unknown): unknown {
  if (!isObject(content)) return undefined;
  const first = Object.values(content)[0];
  return isObject(first) ? first.schema : undefined;
}

function keyOf(parameter: Parameter): string {
  return `${parameter.in}:${parameter.in === "header" ? parameter.name.toLowerCase() : parameter.name}`;
}
