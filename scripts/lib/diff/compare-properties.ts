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
  const hidden = (schema: unknown, side: "base" | "head", owner: SchemaView) =>
    isHidden(context, schema, side, childPointer(owner.pointer, "properties"));
  for (const name of Object.keys(was)) {
    const at = join(location, name);
    const pointers = {
      base: childPointer(before.pointer, "properties", name),
      head: after.pointer,
    };
    const hiddenBefore = hidden(was[name], "base", before);
    const hiddenAfter = name in now ? hidden(now[name], "head", after) : hiddenBefore;
    // readOnly in a request, writeOnly in a response: callers neither send nor read it there.
    if (hiddenBefore && hiddenAfter) continue;
    if (hiddenBefore !== hiddenAfter) {
      pointers.head = childPointer(after.pointer, "properties", name);
      const flip = visibilityFlip(request, requiredAfter.has(name), hiddenAfter);
      report(flip.id, at, flip.message, { pointers });
      continue;
    }
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
    if (name in was || hidden(now[name], "head", after)) continue;
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

/** A property callers never see in this direction: readOnly in a request, writeOnly in a response. */
function isHidden(
  context: SchemaContext,
  schema: unknown,
  side: "base" | "head",
  pointer: string,
): boolean {
  const keyword = context.direction === "request" ? "readOnly" : "writeOnly";
  if (!isObject(schema)) return false;
  // Most properties are written inline: read the keyword without building a view.
  if (schema.$ref === undefined && schema.allOf === undefined) return schema[keyword] === true;
  return viewSchema(schema, context[side], pointer)?.schema[keyword] === true;
}

/**
 * oasdiff's ids for a property turning readOnly/writeOnly or back. A required request property
 * that stops being readOnly must now be sent, and a required response property that turns
 * writeOnly stops arriving: both break callers (oasdiff rates them info).
 */
function visibilityFlip(
  request: boolean,
  required: boolean,
  nowHidden: boolean,
): { id: string; message: string } {
  const kind = required ? "required" : "optional";
  const keyword = request ? "read-only" : "write-only";
  const id = `${request ? "request" : "response"}-${kind}-property-became-${nowHidden ? "" : "not-"}${keyword}`;
  const message = nowHidden
    ? request
      ? "became readOnly: callers no longer send it"
      : "became writeOnly: responses no longer carry it"
    : request
      ? "is no longer readOnly: callers may send it"
      : "is no longer writeOnly: responses now carry it";
  return { id, message };
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
