import { isObject, type JsonObject } from "../openapi-walk.js";
import { WORK_DONE } from "./comparison-budget.js";
import { escapePointerSegment, resolvePointer } from "../json-pointer.js";

/**
 * A schema as callers experience it, so that two ways of writing the same thing compare equal:
 * `$ref`s followed, `allOf` merged into one schema, and nullability in any of its forms
 * (`nullable`, `type: [.., "null"]`, a `{type: "null"}` variant, `null` in `enum`) folded into
 * one `nullable` flag.
 */
export interface SchemaView {
  schema: JsonObject;
  nullable: boolean;
  /** Where the schema's own keywords are written (after the last `$ref`). */
  pointer: string;
  /** The component the schema was reached through, e.g. `#/components/schemas/Image`. */
  ref?: string;
  /** Unions or `allOf`s nested past the depth limit: this view leaves out what lies below. */
  cut?: true;
}

/** Deep enough for any real spec; a hostile nesting stops here instead of overflowing the stack. */
const MAX_DEPTH = 24;

/** What a view is apart from its pointer: the same wherever the schema object is reached from. */
type ViewCore = Omit<SchemaView, "pointer">;

/** A built view, and the depth it was built at when MAX_DEPTH cut it short. */
interface CacheEntry {
  core: ViewCore | undefined;
  cutAt?: number;
}

/**
 * Each schema object's view, per document. A union reaches each of its variants several times
 * (folding nullability, open enums, `allOf` merges, matching, comparing), and without reuse that
 * compounds per nested layer: 2^n work for n layers of hostile nesting. A view cut short by
 * MAX_DEPTH serves only calls at least as deep, so each object is built at most MAX_DEPTH times.
 * `BUILDING` marks a view under construction: reaching it again is a cycle (`A: oneOf: [$ref A,
 * ..]`), which stops there. Callers must treat a view as read-only.
 */
const cache = new WeakMap<JsonObject, WeakMap<object, CacheEntry | typeof BUILDING>>();
const BUILDING = Symbol("building");

/** How many times MAX_DEPTH cut a view short: a rise during a build marks that view as cut. */
let cuts = 0;

export function viewSchema(
  schema: unknown,
  document: JsonObject,
  pointer: string,
  depth = 0,
): SchemaView | undefined {
  if (!isObject(schema)) return undefined;
  if (depth > MAX_DEPTH) {
    cuts++;
    return undefined;
  }
  let byDocument = cache.get(document);
  if (!byDocument) cache.set(document, (byDocument = new WeakMap()));
  let entry = byDocument.get(schema);
  if (entry === BUILDING) return undefined;
  if (!entry || (entry.cutAt !== undefined && depth < entry.cutAt)) {
    byDocument.set(schema, BUILDING);
    const cutsBefore = cuts;
    WORK_DONE.viewsBuilt++;
    const core = buildView(schema, document, pointer, depth);
    entry = cuts > cutsBefore && core ? { core: { ...core, cut: true }, cutAt: depth } : { core };
    byDocument.set(schema, entry);
  } else if (entry.core?.cut) cuts++;
  if (entry.core === undefined) return undefined;
  // Without a `$ref`, the schema's keywords are where the caller found it.
  return { ...entry.core, pointer: entry.core.ref ?? pointer };
}

function buildView(
  schema: JsonObject,
  document: JsonObject,
  pointer: string,
  depth: number,
): ViewCore | undefined {
  let current: unknown = schema;
  let at = pointer;
  let ref: string | undefined;
  const followed: string[] = [];
  for (let hops = 0; isObject(current) && typeof current.$ref === "string" && hops < 32; hops++) {
    ref = current.$ref;
    at = current.$ref;
    // A component whose view is being built reached again through its own unions or allOf:
    // a cycle. Merging and distributing make fresh objects, so only the `$ref` can tell.
    if (resolving.has(ref)) return undefined;
    followed.push(ref);
    current = resolvePointer(document, current.$ref);
  }
  if (!isObject(current)) return undefined;
  for (const name of followed) resolving.add(name);
  try {
    return buildResolved(current, document, at, depth, ref);
  } finally {
    for (const name of followed) resolving.delete(name);
  }
}

/** `$ref`s whose views are being built, on the current call stack (one document at a time). */
const resolving = new Set<string>();

function buildResolved(
  current: JsonObject,
  document: JsonObject,
  at: string,
  depth: number,
  ref: string | undefined,
): ViewCore | undefined {
  let merged: JsonObject = current;
  let nullableByMembers = false;
  if (Array.isArray(current.allOf)) {
    const members = current.allOf
      .map((member, i) => viewSchema(member, document, `${at}/allOf/${i}`, depth + 1))
      .filter((m): m is SchemaView => m !== undefined);
    const { allOf: _allOf, ...own } = current;
    merged = members.reduce((sum, member) => mergeSchemas(sum, member.schema), own);
    // allOf is nullable only where every member lets null through.
    nullableByMembers = members.length > 0 && members.every((m) => m.nullable);
  }
  const folded = foldNullability(merged, document, at, depth);
  const view: ViewCore = {
    schema: folded.schema,
    nullable: folded.nullable || nullableByMembers,
  };
  if (ref !== undefined) view.ref = ref;
  return view;
}

function foldNullability(
  schema: JsonObject,
  document: JsonObject,
  at: string,
  depth: number,
): { schema: JsonObject; nullable: boolean } {
  let nullable = schema.nullable === true;
  const result: JsonObject = { ...schema };
  delete result.nullable;
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((t) => t !== "null").map(String);
    nullable ||= types.length < schema.type.length;
    result.type = types.length === 1 ? types[0] : types.sort();
  } else if (schema.type === "null") {
    nullable = true;
    delete result.type;
  }
  if (Array.isArray(schema.enum) && schema.enum.includes(null)) {
    nullable = true;
    result.enum = schema.enum.filter((v) => v !== null);
  }
  if (schema.const !== undefined && result.enum === undefined) result.enum = [schema.const];
  delete result.const;
  for (const list of ["oneOf", "anyOf"] as const) {
    const variants = schema[list];
    if (!Array.isArray(variants)) continue;
    const kept: unknown[] = [];
    const keptAt: number[] = [];
    let droppedNull = false;
    variants.forEach((variant, i) => {
      const view = viewSchema(variant, document, `${at}/${list}/${i}`, depth + 1);
      if (view && isNullOnly(view)) nullable = droppedNull = true;
      else {
        // A nullable variant lets null through the whole union.
        if (view?.nullable) nullable = true;
        kept.push(variant);
        keptAt.push(i);
      }
    });
    const bare = SHAPE_KEYS.every((key) => key === list || result[key] === undefined);
    const open = openUnionType(kept, document, depth);
    if (open && bare) {
      // `anyOf: [{type: string, enum: [..]}, {type: string}]` documents known values of what is
      // any string: callers may send and receive any string either way.
      const { [list]: _dropped, ...outer } = result;
      return { schema: { ...outer, type: open }, nullable };
    }
    if (droppedNull && kept.length === 1 && bare) {
      // `anyOf: [X, {type: "null"}]` is X or null: compare it as X.
      const only = viewSchema(kept[0], document, `${at}/${list}/${keptAt[0]}`, depth + 1);
      if (only) return { schema: only.schema, nullable: true };
    }
    result[list] = kept;
  }
  return { schema: distributeOverVariants(result), nullable };
}

/** Marks a variant that `distributeOverVariants` wrapped: `allOf: [outer, variant]`. */
export const DISTRIBUTED = "x-diff-distributed";

/**
 * `{properties: P, required: R, oneOf: [A, B]}` means `oneOf: [P∧R∧A, P∧R∧B]`: written either
 * way, callers see the same variants, so both are compared as the latter.
 */
function distributeOverVariants(schema: JsonObject): JsonObject {
  const list = Array.isArray(schema.oneOf)
    ? "oneOf"
    : Array.isArray(schema.anyOf)
      ? "anyOf"
      : undefined;
  if (!list || (schema.properties === undefined && schema.required === undefined)) return schema;
  const { [list]: variants, description, title, discriminator, ...outer } = schema;
  const result: JsonObject = {
    [list]: (variants as unknown[]).map((variant) => ({
      allOf: [outer, variant],
      [DISTRIBUTED]: true,
    })),
  };
  if (description !== undefined) result.description = description;
  if (discriminator !== undefined) result.discriminator = discriminator;
  void title;
  return result;
}

/** `{type: "null"}` after folding: nullable, and nothing else a value could be. */
const SHAPE_KEYS = [
  "type",
  "properties",
  "items",
  "oneOf",
  "anyOf",
  "enum",
  "additionalProperties",
];

function isNullOnly(view: SchemaView): boolean {
  return view.nullable && SHAPE_KEYS.every((key) => view.schema[key] === undefined);
}

/**
 * The type of a union of plain values of one type where one variant is that type with no
 * constraint at all (an "open enum"), or undefined for any other union.
 */
function openUnionType(
  variants: unknown[],
  document: JsonObject,
  depth: number,
): string | undefined {
  if (variants.length < 2) return undefined;
  const views = variants.map((v) =>
    isObject(v) ? viewSchema(v, document, "#", depth + 1) : undefined,
  );
  const types = new Set(views.map((v) => v?.schema.type));
  const [type] = types;
  if (types.size !== 1 || typeof type !== "string" || type === "object" || type === "array")
    return undefined;
  const unconstrained = views.some(
    (v) =>
      v !== undefined &&
      Object.keys(v.schema).every((key) =>
        ["type", "description", "title", "example", "examples"].includes(key),
      ),
  );
  return unconstrained ? type : undefined;
}

/** Bounds that only tighten when both sides of an allOf state them. */
const LOWER = ["minimum", "minLength", "minItems", "minProperties", "exclusiveMinimum"];
const UPPER = ["maximum", "maxLength", "maxItems", "maxProperties", "exclusiveMaximum"];

/** The schema that satisfies both: properties united, required united, bounds tightened. */
export function mergeSchemas(a: JsonObject, b: JsonObject): JsonObject {
  const merged: JsonObject = { ...b, ...a };
  const propsA = isObject(a.properties) ? a.properties : {};
  const propsB = isObject(b.properties) ? b.properties : {};
  if (a.properties !== undefined || b.properties !== undefined) {
    const properties: JsonObject = { ...propsA };
    for (const [name, schema] of Object.entries(propsB))
      properties[name] = name in propsA ? { allOf: [propsA[name], schema] } : schema;
    merged.properties = properties;
  }
  const required = [
    ...new Set([
      ...(Array.isArray(a.required) ? a.required : []),
      ...(Array.isArray(b.required) ? b.required : []),
    ]),
  ];
  if (required.length > 0) merged.required = required;
  for (const key of LOWER)
    if (typeof a[key] === "number" && typeof b[key] === "number")
      merged[key] = Math.max(a[key] as number, b[key] as number);
  for (const key of UPPER)
    if (typeof a[key] === "number" && typeof b[key] === "number")
      merged[key] = Math.min(a[key] as number, b[key] as number);
  if (Array.isArray(a.enum) && Array.isArray(b.enum))
    merged.enum = a.enum.filter((v) => (b.enum as unknown[]).includes(v));
  return merged;
}

/** `#/components/schemas/A~1B` + `properties` + `x/y` -> a child pointer. */
export function childPointer(pointer: string, ...segments: (string | number)[]): string {
  return pointer + segments.map((s) => "/" + escapePointerSegment(s)).join("");
}
