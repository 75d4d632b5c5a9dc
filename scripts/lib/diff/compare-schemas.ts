import { INFERRED_KEYWORDS } from "../infer/infer-constraints.js";
import { isObject, type JsonObject } from "../openapi-walk.js";
import type { Change, ChangeSink } from "./change.js";
import {
  compareBounds,
  compareDefaults,
  compareEnums,
  compareExtensibleEnum,
  comparePattern,
} from "./compare-keywords.js";
import { compareAdditionalProperties } from "./compare-additional-properties.js";
import { compareDiscriminator } from "./compare-discriminator.js";
import { compareJsonSchemaKeywords } from "./compare-json-schema-keywords.js";
import { compareProperties } from "./compare-properties.js";
import { compareVariants, unionKeyword } from "./compare-variants.js";
import { emitChange, type ChangeValues } from "./emit-change.js";
import { markShared } from "./collapse-shared.js";
import { isUnchangedComponent } from "./unchanged-components.js";
import { childPointer, viewSchema, type SchemaView } from "./schema-view.js";
import { createBudget, spend, type ComparisonBudget } from "./comparison-budget.js";
import { reportCut } from "./report-cut.js";
import { typeAdmitsAll } from "./type-widening.js";

export type Direction = "request" | "response";

export interface SchemaContext extends ChangeSink {
  direction: Direction;
  base: JsonObject;
  head: JsonObject;
  /** A parameter's schema: rules are `request-parameter-…`, messages name the parameter. */
  parameter?: { in: string; name: string };
  /** The innermost component both sides reach here, and the location where it starts. */
  within?: { ref: string; location: string };
  /** A union variant: its nullability was already compared as the whole union's. */
  variant?: true;
  /** Shared by one top-level comparison and everything it recurses into. */
  budget?: ComparisonBudget;
  /** Components both sides reached on the way here: meeting one again is a recursion. */
  refs?: string[];
}

/** JSON pointers of the schema being compared, on each side. */
export interface Site {
  base: string;
  head: string;
}

export type Emit = (suffix: string, message: string, values?: EmitValues) => void;
export interface EmitValues extends ChangeValues {
  keyword?: string;
}

/** Deep enough for real specs; a recursive schema stops here. */
const MAX_DEPTH = 12;

/**
 * Compares two schemas at one location and recurses into properties, items and union variants.
 * Both are first seen as callers see them (`schema-view.ts`), so `$ref`, `allOf` and the forms of
 * nullability never hide a change nor invent one. Descriptions and examples are not compared.
 */
export function compareSchemas(
  context: SchemaContext,
  baseSchema: unknown,
  headSchema: unknown,
  location: string,
  at: Site,
  depth = 0,
  root = location === "",
): void {
  if (!context.budget) context = { ...context, budget: createBudget() };
  if (sameUnchangedRef(baseSchema, headSchema, context)) return;
  const cut = (reason: "depth" | "budget") =>
    reportCut(context, baseSchema, headSchema, location, at, reason, sameComponent(context));
  if (!spend(context.budget!)) return cut("budget");
  const before = viewSchema(baseSchema, context.base, at.base);
  const after = viewSchema(headSchema, context.head, at.head);
  if (before?.cut || after?.cut) return cut("depth");
  if (!before || !after) {
    // Both sides are schemas, yet one has no view: nested past the view's depth limit.
    if (isObject(baseSchema) && isObject(headSchema)) cut("depth");
    return;
  }
  const recursion = before.ref !== undefined && before.ref === after.ref;
  if (depth > MAX_DEPTH) {
    // A recursive schema meets itself again: what differs was reported on the way down.
    if (!(recursion && context.refs?.includes(before.ref!))) cut("depth");
    return;
  }
  const { variant, ...rest } = context;
  const inner: SchemaContext = recursion
    ? {
        ...rest,
        within: { ref: before.ref!, location },
        refs: [...(rest.refs ?? []), before.ref!],
      }
    : rest;
  const emit: Emit = (suffix, message, values = {}) => {
    const id = context.parameter
      ? `request-parameter-${suffix}`
      : `${context.direction}-${root ? "body" : "property"}-${suffix}`;
    const change = emitChange(
      inner,
      id,
      describe(inner, location, message),
      location,
      { ...values, pointers: values.pointers ?? { base: before.pointer, head: after.pointer } },
      inferred(values.keyword, before.schema, after.schema),
    );
    noteShared(inner, change, location, message);
  };

  const typeBefore = typeLabel(before.schema);
  const typeAfter = typeLabel(after.schema);
  if (typeBefore !== typeAfter && typeBefore !== "" && typeAfter !== "") {
    // A request that accepts every value it did (a format dropped, `integer` -> `number`), a
    // response that returns only values it did: nothing callers did stops working.
    const narrowing =
      context.direction === "request" && typeAdmitsAll(before.schema, after.schema)
        ? "type-generalized"
        : context.direction === "response" && typeAdmitsAll(after.schema, before.schema)
          ? "type-specialized"
          : undefined;
    emit(narrowing ?? "type-changed", `type changed from ${typeBefore} to ${typeAfter}`, {
      before: typeBefore,
      after: typeAfter,
    });
    if (!narrowing) return;
  }
  if (!variant) compareNullable(before, after, emit);
  compareVariants(inner, before, after, location, depth, root, emit);
  if (!context.parameter) compareDiscriminator(before.schema, after.schema, context, emit);
  // A plain schema that became a union (or back) is compared variant by variant above: its own
  // keywords against the union's would report an enum or a bound as removed that still holds.
  if (!unionKeyword(before.schema) !== !unionKeyword(after.schema)) return;
  compareEnums(inner.direction, before.schema, after.schema, emit);
  compareExtensibleEnum(inner.direction, before.schema, after.schema, emit);
  compareBounds(inner.direction, before.schema, after.schema, emit);
  comparePattern(before.schema, after.schema, emit);
  compareDefaults(before.schema, after.schema, emit);
  // A parameter is one value on the wire: 2020-12's object and array keywords do not apply.
  if (!context.parameter) compareJsonSchemaKeywords(before.schema, after.schema, emit);
  compareProperties(inner, before, after, location, depth);
  if (!context.parameter) compareAdditionalProperties(inner, before, after, location, depth, emit);
  if (before.schema.items !== undefined || after.schema.items !== undefined)
    compareSchemas(
      inner,
      before.schema.items,
      after.schema.items,
      location === "" ? "[]" : `${location}[]`,
      { base: childPointer(before.pointer, "items"), head: childPointer(after.pointer, "items") },
      depth + 1,
      false,
    );
}

/** Whether a component both sides name reads the same on both, all the way down. */
export function sameComponent(context: SchemaContext): (ref: string) => boolean {
  return (ref) => isUnchangedComponent(ref, context.base, context.head);
}

/** Both sides name the same component, and it reads the same all the way down: nothing to find. */
function sameUnchangedRef(
  baseSchema: unknown,
  headSchema: unknown,
  context: SchemaContext,
): boolean {
  const ref = (schema: unknown) =>
    schema !== null && typeof schema === "object" && typeof (schema as JsonObject).$ref === "string"
      ? ((schema as JsonObject).$ref as string)
      : undefined;
  const name = ref(baseSchema);
  return (
    name !== undefined &&
    name === ref(headSchema) &&
    isUnchangedComponent(name, context.base, context.head)
  );
}

/** Attaches what collapsing a shared component's change needs: its place inside the component. */
export function noteShared(
  context: SchemaContext,
  change: Change,
  location: string,
  message: string,
): void {
  if (!context.within) return;
  const name = context.within.ref.split("/").pop() ?? context.within.ref;
  const inside = location.slice(context.within.location.length).replace(/^\./, "");
  const relative = inside === "" ? name : `${name}.${inside}`;
  markShared(change, context.within.ref, relative, message, context.part);
}

function compareNullable(before: SchemaView, after: SchemaView, emit: Emit): void {
  if (before.nullable === after.nullable) return;
  emit(
    after.nullable ? "became-nullable" : "became-not-nullable",
    after.nullable ? "may now be null" : "may no longer be null",
    { before: before.nullable, after: after.nullable, keyword: "nullable" },
  );
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

export function typeLabel(schema: JsonObject): string {
  const type = baseType(schema);
  return typeof schema.format === "string" ? `${type}(${schema.format})` : type;
}

/** The type without its format: `string`, or `integer|string` for a 3.1 type list. */
export function baseType(schema: JsonObject): string {
  return Array.isArray(schema.type)
    ? schema.type.map(String).sort().join("|")
    : typeof schema.type === "string"
      ? schema.type
      : "";
}

export function describe(context: SchemaContext, location: string, message: string): string {
  if (context.parameter) return `${context.parameter.in} parameter \`${location}\` ${message}`;
  return location === "" ? `body ${message}` : `\`${location}\` ${message}`;
}

export function isInferred(schema: JsonObject, keyword: string): boolean {
  const inferredKeywords = schema[INFERRED_KEYWORDS];
  return Array.isArray(inferredKeywords) && inferredKeywords.includes(keyword);
}
