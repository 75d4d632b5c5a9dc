import { INFERRED_KEYWORDS } from "../infer/infer-constraints.js";
import { isObject, resolveSchema, type JsonObject } from "../openapi-walk.js";
import { levelOf, type Change, type ChangeSink } from "./change.js";

export type Direction = "request" | "response";

export interface SchemaContext {
  direction: Direction;
  method: string;
  path: string;
  base: JsonObject;
  head: JsonObject;
  changes: Change[];
}

/** Keyword pairs compared as bounds; `widens` is the direction in which callers gain room. */
const BOUNDS = [
  { keyword: "maximum", name: "max", widens: "up" },
  { keyword: "minimum", name: "min", widens: "down" },
  { keyword: "maxLength", name: "max-length", widens: "up" },
  { keyword: "minLength", name: "min-length", widens: "down" },
  { keyword: "maxItems", name: "max-items", widens: "up" },
  { keyword: "minItems", name: "min-items", widens: "down" },
] as const;

/**
 * Compares two schemas at one location and recurses into properties and items. Only what
 * changes callers is compared: descriptions and examples are not.
 */
export function compareSchemas(
  context: SchemaContext,
  baseSchema: unknown,
  headSchema: unknown,
  location: string,
  depth = 0,
): void {
  const before = resolveSchema(baseSchema, context.base);
  const after = resolveSchema(headSchema, context.head);
  if (!before || !after || depth > 12) return;
  const emit = (
    suffix: string,
    message: string,
    values: { before?: unknown; after?: unknown; keyword?: string } = {},
  ) => {
    const id = `${context.direction}-${location === "" ? "body" : "property"}-${suffix}`;
    emitChange(
      context,
      id,
      describe(location, message),
      location,
      values,
      inferred(values.keyword, before, after),
    );
  };

  const typeBefore = typeLabel(before);
  const typeAfter = typeLabel(after);
  if (typeBefore !== typeAfter && typeBefore !== "" && typeAfter !== "") {
    emit("type-changed", `type changed from ${typeBefore} to ${typeAfter}`, {
      before: typeBefore,
      after: typeAfter,
    });
    return;
  }
  compareEnums(context, before, after, emit);
  compareBounds(context, before, after, emit);
  compareNullable(context, before, after, emit);
  compareDefaults(before, after, emit);
  compareOneOf(before, after, emit);
  compareProperties(context, before, after, location, depth);
  if (before.items !== undefined || after.items !== undefined) {
    compareSchemas(
      context,
      before.items,
      after.items,
      location === "" ? "[]" : `${location}[]`,
      depth + 1,
    );
  }
}

function isInferred(schema: JsonObject, keyword: string): boolean {
  const inferred = schema[INFERRED_KEYWORDS];
  return Array.isArray(inferred) && inferred.includes(keyword);
}

type Emit = (
  suffix: string,
  message: string,
  values?: { before?: unknown; after?: unknown; keyword?: string },
) => void;

function compareEnums(
  context: SchemaContext,
  before: JsonObject,
  after: JsonObject,
  emit: Emit,
): void {
  const was = Array.isArray(before.enum) ? before.enum : undefined;
  const now = Array.isArray(after.enum) ? after.enum : undefined;
  if (!was && !now) return;
  if (!was && now) {
    if (context.direction === "request")
      emit("became-enum", `now only accepts ${list(now)}`, { after: now, keyword: "enum" });
    return;
  }
  if (was && !now) {
    // Wider in the schema, but the generated union type and value table disappear, and callers
    // who matched on the values can no longer: a removed enum breaks them either way.
    emit("enum-removed", `no longer lists its values (was ${list(was)})`, {
      before: was,
      keyword: "enum",
    });
    return;
  }
  const removed = was!.filter((v) => !now!.includes(v));
  const added = now!.filter((v) => !was!.includes(v));
  if (removed.length > 0)
    emit("enum-value-removed", `lost enum value${removed.length > 1 ? "s" : ""} ${list(removed)}`, {
      before: removed,
      keyword: "enum",
    });
  if (added.length > 0)
    emit("enum-value-added", `gained enum value${added.length > 1 ? "s" : ""} ${list(added)}`, {
      after: added,
      keyword: "enum",
    });
}

function compareBounds(
  context: SchemaContext,
  before: JsonObject,
  after: JsonObject,
  emit: Emit,
): void {
  for (const { keyword, name, widens } of BOUNDS) {
    const was = typeof before[keyword] === "number" ? (before[keyword] as number) : undefined;
    const now = typeof after[keyword] === "number" ? (after[keyword] as number) : undefined;
    if (was === now) continue;
    const values = { before: was, after: now, keyword };
    const text = `${keyword} ${was ?? "none"} -> ${now ?? "none"}`;
    if (was === undefined) {
      // A new bound narrows what a request may send; on a response it only narrows what may come back.
      if (context.direction === "request") emit(`${name}-set`, `${keyword} set to ${now}`, values);
      continue;
    }
    if (now === undefined && isInferred(before, keyword)) {
      // The prose stopped stating it: the vendor's own words changed, which callers must hear
      // about even where the schema merely widens.
      emit(
        "constraint-dropped",
        `${keyword} ${was} (read from the description) is no longer stated`,
        values,
      );
      continue;
    }
    if (now === undefined) {
      if (context.direction === "response" && (name === "max-length" || name === "min-items"))
        emit(`${name}-unset`, `${keyword} ${was} removed`, values);
      else if (context.direction === "response" && widens === "up")
        emit(`${name}-increased`, `${keyword} ${was} removed`, values);
      else if (context.direction === "response")
        emit(`${name}-decreased`, `${keyword} ${was} removed`, values);
      else
        emit(
          `${name}-${widens === "up" ? "increased" : "decreased"}`,
          `${keyword} ${was} removed`,
          values,
        );
      continue;
    }
    emit(`${name}-${now > was ? "increased" : "decreased"}`, text, values);
  }
}

function compareNullable(
  context: SchemaContext,
  before: JsonObject,
  after: JsonObject,
  emit: Emit,
): void {
  const was = before.nullable === true;
  const now = after.nullable === true;
  if (was === now) return;
  emit(
    now ? "became-nullable" : "became-not-nullable",
    now ? "may now be null" : "may no longer be null",
    { before: was, after: now, keyword: "nullable" },
  );
  void context;
}

function compareDefaults(before: JsonObject, after: JsonObject, emit: Emit): void {
  const was = before.default;
  const now = after.default;
  if (JSON.stringify(was) === JSON.stringify(now)) return;
  const values = { before: was, after: now, keyword: "default" };
  if (was === undefined)
    emit("default-value-added", `default set to ${JSON.stringify(now)}`, values);
  else if (now === undefined)
    emit("default-value-removed", `default ${JSON.stringify(was)} removed`, values);
  else
    emit(
      "default-value-changed",
      `default ${JSON.stringify(was)} -> ${JSON.stringify(now)}`,
      values,
    );
}

function compareOneOf(before: JsonObject, after: JsonObject, emit: Emit): void {
  const was = variantNames(before.oneOf);
  const now = variantNames(after.oneOf);
  const added = now.filter((v) => !was.includes(v));
  const removed = was.filter((v) => !now.includes(v));
  if (added.length > 0) emit("one-of-added", `oneOf gained ${added.join(", ")}`, { after: added });
  if (removed.length > 0)
    emit("one-of-removed", `oneOf lost ${removed.join(", ")}`, { before: removed });
}

function compareProperties(
  context: SchemaContext,
  before: JsonObject,
  after: JsonObject,
  location: string,
  depth: number,
): void {
  const was = isObject(before.properties) ? before.properties : {};
  const now = isObject(after.properties) ? after.properties : {};
  const requiredBefore = new Set(Array.isArray(before.required) ? before.required.map(String) : []);
  const requiredAfter = new Set(Array.isArray(after.required) ? after.required.map(String) : []);
  const request = context.direction === "request";
  for (const name of Object.keys(was)) {
    const at = join(location, name);
    if (!(name in now)) {
      const id = request
        ? "request-property-removed"
        : requiredBefore.has(name)
          ? "response-required-property-removed"
          : "response-optional-property-removed";
      emitChange(context, id, `\`${at}\` removed`, at, { before: name });
      continue;
    }
    const wasRequired = requiredBefore.has(name);
    const isRequired = requiredAfter.has(name);
    if (!wasRequired && isRequired) {
      const hasDefault = resolveSchema(now[name], context.head)?.default !== undefined;
      const id = request
        ? hasDefault
          ? "request-property-became-required-with-default"
          : "request-property-became-required"
        : "response-property-became-required";
      emitChange(context, id, `\`${at}\` became required`, at, {});
    } else if (wasRequired && !isRequired) {
      emitChange(
        context,
        request ? "request-property-became-optional" : "response-property-became-optional",
        `\`${at}\` became optional`,
        at,
        {},
      );
    }
    compareSchemas(context, was[name], now[name], at, depth + 1);
  }
  for (const name of Object.keys(now)) {
    if (name in was) continue;
    const at = join(location, name);
    const required = requiredAfter.has(name);
    const hasDefault = resolveSchema(now[name], context.head)?.default !== undefined;
    const id = request
      ? required
        ? hasDefault
          ? "new-required-request-property-with-default"
          : "new-required-request-property"
        : "new-optional-request-property"
      : required
        ? "response-required-property-added"
        : "response-optional-property-added";
    emitChange(context, id, `\`${at}\` added${required ? " (required)" : ""}`, at, { after: name });
  }
}

export function emitChange(
  context: ChangeSink,
  id: string,
  message: string,
  location: string | undefined,
  values: { before?: unknown; after?: unknown },
  source = "spec",
): void {
  const change: Change = {
    id,
    level: levelOf(id),
    method: context.method,
    path: context.path,
    message,
    source,
  };
  if (location !== undefined && location !== "") change.location = location;
  if (values.before !== undefined) change.before = values.before;
  if (values.after !== undefined) change.after = values.after;
  context.changes.push(change);
}

/** "inferred from description" when the compared keyword came from prose on either side. */
function inferred(keyword: string | undefined, before: JsonObject, after: JsonObject): string {
  if (!keyword) return "spec";
  const fromProse = [before, after].some(
    (s) =>
      Array.isArray(s[INFERRED_KEYWORDS]) && (s[INFERRED_KEYWORDS] as unknown[]).includes(keyword),
  );
  return fromProse ? "inferred from description" : "spec";
}

function typeLabel(schema: JsonObject): string {
  const type = typeof schema.type === "string" ? schema.type : "";
  return typeof schema.format === "string" ? `${type}(${schema.format})` : type;
}

function variantNames(variants: unknown): string[] {
  if (!Array.isArray(variants)) return [];
  return variants.map((v, i) =>
    isObject(v) && typeof v.$ref === "string"
      ? v.$ref.split("/").pop()!
      : isObject(v) && typeof v.type === "string"
        ? v.type
        : `#${i}`,
  );
}

function describe(location: string, message: string): string {
  return location === "" ? `body ${message}` : `\`${location}\` ${message}`;
}

function join(location: string, name: string): string {
  return location === "" ? name : `${location}.${name}`;
}

function list(values: unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(", ");
}
