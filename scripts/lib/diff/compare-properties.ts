import { isObject } from "../openapi-walk.js";
import { compareSchemas, describe, noteShared, type SchemaContext } from "./compare-schemas.js";
import { emitChange } from "./emit-change.js";
import { childPointer, viewSchema, type SchemaView } from "./schema-view.js";

/**
 * Properties added, removed, made required or optional, then each surviving one in depth.
 * A request property that becomes required is breaking whether or not it has a default: a
 * server that validates `required` rejects callers who omit it, default or not.
 */
export function compareProperties(
  context: SchemaContext,
  before: SchemaView,
  after: SchemaView,
  location: string,
  depth: number,
): void {
  const was = isObject(before.schema.properties) ? before.schema.properties : {};
  const now = isObject(after.schema.properties) ? after.schema.properties : {};
  const requiredBefore = requiredSet(before);
  const requiredAfter = requiredSet(after);
  const request = context.direction === "request";
  const report = (id: string, at: string, message: string, values: object) => {
    const change = emitChange(
      context,
      id,
      context.parameter ? describe(context, at, message) : `\`${at}\` ${message}`,
      at,
      values,
    );
    noteShared(context, change, at, message);
  };
  for (const name of Object.keys(was)) {
    const at = join(location, name);
    const pointers = {
      base: childPointer(before.pointer, "properties", name),
      head: after.pointer,
    };
    if (!(name in now)) {
      const id = request
        ? "request-property-removed"
        : requiredBefore.has(name)
          ? "response-required-property-removed"
          : "response-optional-property-removed";
      report(id, at, "removed", { before: name, pointers });
      continue;
    }
    pointers.head = childPointer(after.pointer, "properties", name);
    const wasRequired = requiredBefore.has(name);
    const isRequired = requiredAfter.has(name);
    if (!wasRequired && isRequired)
      report(
        request ? "request-property-became-required" : "response-property-became-required",
        at,
        `became required${request ? defaultNote(context, now[name], pointers.head) : ""}`,
        { pointers },
      );
    else if (wasRequired && !isRequired)
      report(
        request ? "request-property-became-optional" : "response-property-became-optional",
        at,
        "became optional",
        { pointers },
      );
    compareSchemas(context, was[name], now[name], at, pointers, depth + 1, false);
  }
  for (const name of Object.keys(now)) {
    if (name in was) continue;
    const at = join(location, name);
    const required = requiredAfter.has(name);
    const pointers = {
      base: before.pointer,
      head: childPointer(after.pointer, "properties", name),
    };
    const id = request
      ? required
        ? "new-required-request-property"
        : "new-optional-request-property"
      : required
        ? "response-required-property-added"
        : "response-optional-property-added";
    const note = required && request ? defaultNote(context, now[name], pointers.head) : "";
    report(id, at, `added${required ? ` (required${note})` : ""}`, { after: name, pointers });
  }
}

function requiredSet(view: SchemaView): Set<string> {
  return new Set(Array.isArray(view.schema.required) ? view.schema.required.map(String) : []);
}

/** Says that a default does not help: callers who omit the property are still rejected. */
function defaultNote(context: SchemaContext, schema: unknown, pointer: string): string {
  const value = viewSchema(schema, context.head, pointer)?.schema.default;
  return value === undefined
    ? ""
    : `; its default ${JSON.stringify(value)} does not spare callers who omit it`;
}

function join(location: string, name: string): string {
  return location === "" ? name : `${location}.${name}`;
}
