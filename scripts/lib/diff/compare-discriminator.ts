import { resolvePointer } from "../json-pointer.js";
import { isObject, type JsonObject } from "../openapi-walk.js";
import type { Emit } from "./compare-schemas.js";

/**
 * A union's discriminator: the property that names the variant, and the mapping from its values
 * to schemas. Ids are oasdiff's; a value now mapped to another shape, or a renamed tag property,
 * is breaking here (oasdiff: info), since a payload tagged as before is read as something else.
 */
export function compareDiscriminator(
  before: JsonObject,
  after: JsonObject,
  documents: { base: JsonObject; head: JsonObject },
  emit: Emit,
): void {
  const was = isObject(before.discriminator) ? before.discriminator : undefined;
  const now = isObject(after.discriminator) ? after.discriminator : undefined;
  if (!was && !now) return;
  if (!was || !now) {
    emit(
      `discriminator-${now ? "added" : "removed"}`,
      `discriminator ${now ? "added" : "removed"}`,
      {
        keyword: "discriminator",
      },
    );
    return;
  }
  if (was.propertyName !== now.propertyName)
    emit(
      "discriminator-property-name-changed",
      `discriminator property ${String(was.propertyName)} -> ${String(now.propertyName)}`,
      { before: was.propertyName, after: now.propertyName, keyword: "discriminator" },
    );
  const mappingWas = isObject(was.mapping) ? was.mapping : {};
  const mappingNow = isObject(now.mapping) ? now.mapping : {};
  for (const [value, target] of Object.entries(mappingWas)) {
    if (!(value in mappingNow)) {
      emit(
        "discriminator-mapping-deleted",
        `discriminator value ${JSON.stringify(value)} unmapped`,
        {
          before: target,
          keyword: "discriminator",
        },
      );
      continue;
    }
    const next = mappingNow[value];
    // A renamed component of the same shape changes nothing callers send or read.
    if (next !== target && !sameShape(target, next, documents))
      emit(
        "discriminator-mapping-changed",
        `discriminator value ${JSON.stringify(value)} now means ${String(next)} (was ${String(target)})`,
        { before: target, after: next, keyword: "discriminator" },
      );
  }
  for (const [value, target] of Object.entries(mappingNow))
    if (!(value in mappingWas))
      emit("discriminator-mapping-added", `discriminator value ${JSON.stringify(value)} mapped`, {
        after: target,
        keyword: "discriminator",
      });
}

function sameShape(
  a: unknown,
  b: unknown,
  documents: { base: JsonObject; head: JsonObject },
): boolean {
  if (typeof a !== "string" || typeof b !== "string" || !a.startsWith("#/") || !b.startsWith("#/"))
    return false;
  return (
    JSON.stringify(resolvePointer(documents.base, a)) ===
    JSON.stringify(resolvePointer(documents.head, b))
  );
}
