import { isObject, type JsonObject } from "../openapi-walk.js";
import type { Emit } from "./compare-schemas.js";

/**
 * JSON Schema 2020-12 keywords a 3.1 document may carry, compared as oasdiff does: each one
 * constrains what a value may be, so one added to a request rejects values callers sent, and one
 * removed from a response withdraws a promise callers read by. The other direction is info.
 */
const PRESENCE = [
  { keyword: "if", name: "if" },
  { keyword: "then", name: "then" },
  { keyword: "else", name: "else" },
  { keyword: "contains", name: "contains" },
  { keyword: "propertyNames", name: "property-names" },
  { keyword: "unevaluatedItems", name: "unevaluated-items" },
  { keyword: "unevaluatedProperties", name: "unevaluated-properties" },
  { keyword: "contentSchema", name: "content-schema" },
] as const;

/** Keyed maps: each key is its own constraint (`dependentRequired: {a: [b]}`). */
const KEYED = [
  { keyword: "dependentRequired", name: "dependent-required", changed: true },
  { keyword: "dependentSchemas", name: "dependent-schema", changed: false },
  { keyword: "patternProperties", name: "pattern-property", changed: false },
] as const;

/** Strings that say how a value is encoded: any change breaks both sides of the wire. */
const ANNOTATIONS = [
  { keyword: "contentMediaType", name: "content-media-type" },
  { keyword: "contentEncoding", name: "content-encoding" },
] as const;

export function compareJsonSchemaKeywords(before: JsonObject, after: JsonObject, emit: Emit): void {
  for (const { keyword, name } of PRESENCE) {
    const [was, now] = [before[keyword] !== undefined, after[keyword] !== undefined];
    if (was === now) continue;
    emit(`${name}-${now ? "added" : "removed"}`, `${keyword} ${now ? "added" : "removed"}`, {
      keyword,
    });
  }
  for (const { keyword, name, changed } of KEYED) {
    const was = isObject(before[keyword]) ? before[keyword] : {};
    const now = isObject(after[keyword]) ? after[keyword] : {};
    for (const key of Object.keys(now))
      if (!(key in was))
        emit(`${name}-added`, `${keyword} gained ${JSON.stringify(key)}`, { after: key, keyword });
    for (const key of Object.keys(was)) {
      if (!(key in now))
        emit(`${name}-removed`, `${keyword} lost ${JSON.stringify(key)}`, { before: key, keyword });
      else if (changed && JSON.stringify(was[key]) !== JSON.stringify(now[key]))
        emit(`${name}-changed`, `${keyword} of ${JSON.stringify(key)} changed`, {
          before: was[key],
          after: now[key],
          keyword,
        });
    }
  }
  for (const { keyword, name } of ANNOTATIONS) {
    const [was, now] = [before[keyword], after[keyword]];
    if (typeof was === "string" && typeof now === "string" && was !== now)
      emit(`${name}-changed`, `${keyword} ${was} -> ${now}`, { before: was, after: now, keyword });
  }
  comparePrefixItems(before, after, emit);
  compareContainsBounds(before, after, emit);
}

/** Fewer leading item schemas in a request, or more in a response, is what breaks (oasdiff's levels). */
function comparePrefixItems(before: JsonObject, after: JsonObject, emit: Emit): void {
  const was = Array.isArray(before.prefixItems) ? before.prefixItems.length : 0;
  const now = Array.isArray(after.prefixItems) ? after.prefixItems.length : 0;
  if (was === now) return;
  emit(`prefix-items-${now > was ? "added" : "removed"}`, `prefixItems ${was} -> ${now}`, {
    before: was,
    after: now,
    keyword: "prefixItems",
  });
}

function compareContainsBounds(before: JsonObject, after: JsonObject, emit: Emit): void {
  for (const [keyword, name] of [
    ["minContains", "min-contains"],
    ["maxContains", "max-contains"],
  ] as const) {
    const was = before[keyword];
    const now = after[keyword];
    if (typeof was !== "number" || typeof now !== "number" || was === now) continue;
    emit(`${name}-${now > was ? "increased" : "decreased"}`, `${keyword} ${was} -> ${now}`, {
      before: was,
      after: now,
      keyword,
    });
  }
}
