import { isObject, type JsonObject } from "../openapi-walk.js";
import {
  baseType,
  compareSchemas,
  sameComponent,
  typeLabel,
  type Emit,
  type SchemaContext,
} from "./compare-schemas.js";
import { spend } from "./comparison-budget.js";
import { reportCut } from "./report-cut.js";
import { childPointer, DISTRIBUTED, viewSchema, type SchemaView } from "./schema-view.js";

interface Variant {
  /** How a reviewer recognizes it: the component's name, the discriminator value, or its type. */
  label: string;
  schema: unknown;
  pointer: string;
  keys: { ref?: string; discriminator?: string; shape: string; type: string };
  /** Property names and required names, for matching objects that changed a little. */
  properties: string[];
  required: string[];
}

/**
 * `oneOf` / `anyOf` variants matched across the two sides (by `$ref` target, then discriminator
 * value, then shape, then type), each matched pair compared in depth, the rest reported as added
 * or removed. A plain schema facing a union is compared as a union of one, so a field that was a
 * string and now is "string or integer" gains one variant, not a whole union.
 */
export function compareVariants(
  context: SchemaContext,
  before: SchemaView,
  after: SchemaView,
  location: string,
  depth: number,
  root: boolean,
  emit: Emit,
): void {
  const list = unionKeyword(before.schema) ?? unionKeyword(after.schema);
  if (!list) return;
  // Matching weighs every pair of variants: a wide union of wide unions spends the budget fast.
  const pairs = memberCount(before.schema, list) * memberCount(after.schema, list);
  if (!spend(context.budget!, pairs)) {
    const pointers = { base: before.pointer, head: after.pointer };
    const same = sameComponent(context);
    return reportCut(context, before.schema, after.schema, location, pointers, "budget", same);
  }
  const was = variantsOf(before, list, context.base);
  const now = variantsOf(after, list, context.head);
  if (!was || !now) return;
  const rule = list === "oneOf" ? "one-of" : "any-of";
  if (wrapsObjectInOneOf(context, before, list, now, root))
    // oneOf accepts a value that matches exactly one variant: a payload that was valid may now
    // also match a second object variant (objects stay open to extra properties) and be rejected.
    emit("wrapped-in-one-of", `now one of ${now.map((v) => v.label).join(", ")}`, {
      after: now.map((v) => v.label),
    });
  const unmatched = [...now];
  for (const variant of was) {
    const index = findMatch(variant, unmatched);
    if (index < 0) {
      emit(`${rule}-removed`, `${list} lost ${variant.label}`, {
        before: variant.label,
        pointers: { base: variant.pointer, head: after.pointer },
      });
      continue;
    }
    const [match] = unmatched.splice(index, 1);
    // A component's name says more than a type: `<ImageResponseDataUrl>` over `<object>`.
    const label = variant.keys.ref || !match!.keys.ref ? variant.label : match!.label;
    const at = was.length === 1 && now.length === 1 ? location : `${location}<${label}>`;
    compareSchemas(
      { ...context, variant: true },
      variant.schema,
      match!.schema,
      at,
      { base: variant.pointer, head: match!.pointer },
      depth + 1,
      root,
    );
  }
  for (const variant of unmatched)
    emit(`${rule}-added`, `${list} gained ${variant.label}`, {
      after: variant.label,
      pointers: { base: before.pointer, head: variant.pointer },
    });
}

/** A request body that was one object and now is a `oneOf` of two or more objects (oasdiff's rule). */
function wrapsObjectInOneOf(
  context: SchemaContext,
  before: SchemaView,
  list: string,
  now: Variant[],
  root: boolean,
): boolean {
  if (!root || context.parameter || context.direction !== "request" || list !== "oneOf")
    return false;
  if (unionKeyword(before.schema) || baseType(before.schema) !== "object") return false;
  return now.filter((v) => v.keys.type === "object" || v.properties.length > 0).length >= 2;
}

function memberCount(schema: JsonObject, list: string): number {
  const members = schema[list];
  return Array.isArray(members) ? members.length : 1;
}

export function unionKeyword(schema: JsonObject): "oneOf" | "anyOf" | undefined {
  if (Array.isArray(schema.oneOf)) return "oneOf";
  if (Array.isArray(schema.anyOf)) return "anyOf";
  return undefined;
}

function variantsOf(view: SchemaView, list: string, document: JsonObject): Variant[] | undefined {
  const members = view.schema[list];
  if (!Array.isArray(members)) {
    // A union of one: only when the schema says what it is.
    if (unionKeyword(view.schema) || typeLabel(view.schema) === "") return undefined;
    return [describeVariant({ ...view.schema }, view.pointer, document, view.schema)];
  }
  return members.map((member, i) =>
    describeVariant(member, childPointer(view.pointer, list, i), document, view.schema),
  );
}

function describeVariant(
  schema: unknown,
  pointer: string,
  document: JsonObject,
  parent: JsonObject,
): Variant {
  // A variant distributed over its union's own properties keeps the name it was written with.
  const written =
    isObject(schema) && schema[DISTRIBUTED] === true && Array.isArray(schema.allOf)
      ? schema.allOf[1]
      : schema;
  const ref = isObject(written) && typeof written.$ref === "string" ? written.$ref : undefined;
  const view = viewSchema(schema, document, pointer);
  const resolved = view?.schema ?? {};
  const discriminator = discriminatorValue(parent, resolved, ref);
  const type = baseType(resolved);
  const properties = isObject(resolved.properties) ? Object.keys(resolved.properties).sort() : [];
  const shape = `${type}{${properties.join(",")}}`;
  const label =
    ref?.split("/").pop() ??
    discriminator ??
    (typeLabel(resolved) || `variant ${pointer.split("/").pop()}`);
  const keys: Variant["keys"] = { shape, type };
  if (ref !== undefined) keys.ref = ref;
  if (discriminator !== undefined) keys.discriminator = discriminator;
  const required = Array.isArray(resolved.required) ? resolved.required.map(String) : [];
  return { label, schema, pointer: view?.pointer ?? pointer, keys, properties, required };
}

function discriminatorValue(
  parent: JsonObject,
  variant: JsonObject,
  ref: string | undefined,
): string | undefined {
  const discriminator = isObject(parent.discriminator) ? parent.discriminator : undefined;
  if (!discriminator || typeof discriminator.propertyName !== "string") return undefined;
  const mapping = isObject(discriminator.mapping) ? discriminator.mapping : {};
  const mapped = Object.entries(mapping).find(([, target]) => target === ref);
  if (mapped) return mapped[0];
  const property = isObject(variant.properties)
    ? variant.properties[discriminator.propertyName]
    : undefined;
  if (isObject(property) && Array.isArray(property.enum) && property.enum.length === 1)
    return String(property.enum[0]);
  if (isObject(property) && property.const !== undefined) return String(property.const);
  return undefined;
}

const KEY_ORDER = ["ref", "discriminator", "shape", "type"] as const;

/** The first key both sides state decides; a type alone matches only when it is unambiguous. */
function findMatch(variant: Variant, candidates: Variant[]): number {
  for (const key of KEY_ORDER) {
    const value = variant.keys[key];
    if (value === undefined || value === "") continue;
    const hits = candidates.flatMap((c, i) => (c.keys[key] === value ? [i] : []));
    if (hits.length === 1 || (hits.length > 1 && key !== "type")) return hits[0]!;
  }
  return closestObject(variant, candidates);
}

/** The one object variant sharing the most required and named properties, if one stands out. */
function closestObject(variant: Variant, candidates: Variant[]): number {
  if (variant.keys.type !== "object" && variant.properties.length === 0) return -1;
  const score = (c: Variant) =>
    2 * c.required.filter((n) => variant.required.includes(n)).length +
    c.properties.filter((n) => variant.properties.includes(n)).length;
  const scores = candidates.map((c) => (c.keys.type === variant.keys.type ? score(c) : 0));
  const best = Math.max(0, ...scores);
  const at = scores.indexOf(best);
  return best > 0 && scores.lastIndexOf(best) === at ? at : -1;
}
