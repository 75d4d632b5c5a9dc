import type { JsonObject } from "../openapi-walk.js";
import type { Direction, Emit } from "./compare-schemas.js";
import { INFERRED_KEYWORDS } from "../infer/infer-constraints.js";

/** Keyword pairs compared as bounds; `widens` is the direction in which callers gain room. */
const BOUNDS = [
  { keyword: "maximum", name: "max", widens: "up" },
  { keyword: "minimum", name: "min", widens: "down" },
  // 3.1's numeric form; 3.0's boolean form is not a bound of its own and is not compared.
  { keyword: "exclusiveMaximum", name: "exclusive-max", widens: "up" },
  { keyword: "exclusiveMinimum", name: "exclusive-min", widens: "down" },
  { keyword: "maxLength", name: "max-length", widens: "up" },
  { keyword: "minLength", name: "min-length", widens: "down" },
  { keyword: "maxItems", name: "max-items", widens: "up" },
  { keyword: "minItems", name: "min-items", widens: "down" },
] as const;

export function compareEnums(
  direction: Direction,
  before: JsonObject,
  after: JsonObject,
  emit: Emit,
): void {
  const was = Array.isArray(before.enum) ? before.enum : undefined;
  const now = Array.isArray(after.enum) ? after.enum : undefined;
  if (!was && !now) return;
  if (!was && now) {
    if (direction === "request")
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
  const key = (v: unknown) => JSON.stringify(v);
  if (was!.length === 1 && now!.length === 1 && key(was![0]) !== key(now![0])) {
    // A constant (`const`, or an enum of one) replaced: every value callers sent or read before
    // is wrong now, in either direction.
    emit("const-changed", `constant ${list(was!)} -> ${list(now!)}`, {
      before: was![0],
      after: now![0],
      keyword: "enum",
    });
    return;
  }
  const nowKeys = new Set(now!.map(key));
  const wasKeys = new Set(was!.map(key));
  const removed = was!.filter((v) => !nowKeys.has(key(v)));
  const added = now!.filter((v) => !wasKeys.has(key(v)));
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

/**
 * Zalando's `x-extensible-enum`: values the server knows, open to more. A value dropped from a
 * request is one callers were told they could send (oasdiff's rule); a response may always grow.
 */
export function compareExtensibleEnum(
  direction: Direction,
  before: JsonObject,
  after: JsonObject,
  emit: Emit,
): void {
  const was = before["x-extensible-enum"];
  const now = after["x-extensible-enum"];
  if (direction !== "request" || !Array.isArray(was) || !Array.isArray(now)) return;
  const kept = new Set(now.map((v) => JSON.stringify(v)));
  const removed = was.filter((v) => !kept.has(JSON.stringify(v)));
  if (removed.length > 0)
    emit("x-extensible-enum-value-removed", `no longer lists ${list(removed)}`, {
      before: removed,
      keyword: "x-extensible-enum",
    });
}

export function compareBounds(
  direction: Direction,
  before: JsonObject,
  after: JsonObject,
  emit: Emit,
): void {
  for (const { keyword, name, widens } of BOUNDS) {
    const was = typeof before[keyword] === "number" ? (before[keyword] as number) : undefined;
    const now = typeof after[keyword] === "number" ? (after[keyword] as number) : undefined;
    if (was === now) continue;
    const values = { before: was, after: now, keyword };
    if (was === undefined) {
      // A new bound narrows what a request may send; on a response it only narrows what may come back.
      if (direction === "request") emit(`${name}-set`, `${keyword} set to ${now}`, values);
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
      const removed = `${keyword} ${was} removed`;
      if (direction === "response" && (name === "max-length" || name === "min-items"))
        emit(`${name}-unset`, removed, values);
      else emit(`${name}-${widens === "up" ? "increased" : "decreased"}`, removed, values);
      continue;
    }
    emit(`${name}-${now > was ? "increased" : "decreased"}`, `${keyword} ${was} -> ${now}`, values);
  }
}

/** A new pattern rejects request values that were valid; on a response it only narrows (info). */
export function comparePattern(before: JsonObject, after: JsonObject, emit: Emit): void {
  const was = typeof before.pattern === "string" ? before.pattern : undefined;
  const now = typeof after.pattern === "string" ? after.pattern : undefined;
  if (was === now) return;
  const values = { before: was, after: now, keyword: "pattern" };
  if (was === undefined) emit("pattern-added", `must now match ${now}`, values);
  else if (now === undefined) emit("pattern-removed", `pattern ${was} removed`, values);
  else emit("pattern-changed", `pattern ${was} -> ${now}`, values);
}

export function compareDefaults(before: JsonObject, after: JsonObject, emit: Emit): void {
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

function isInferred(schema: JsonObject, keyword: string): boolean {
  const inferred = schema[INFERRED_KEYWORDS];
  return Array.isArray(inferred) && inferred.includes(keyword);
}

function list(values: unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(", ");
}
