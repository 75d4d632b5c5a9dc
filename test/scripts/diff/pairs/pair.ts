import type { JsonObject } from "../../../../scripts/lib/openapi-walk.js";

/** Two contracts and the rule ids their diff must report, no more and no fewer. */
export interface Pair {
  name: string;
  base: JsonObject;
  head: JsonObject;
  expected: string[];
}

/** A copy of `document` changed by `change`: pairs differ from a base in one visible edit. */
export function edited(document: JsonObject, change: (doc: any) => void): JsonObject {
  const copy = structuredClone(document);
  change(copy);
  return copy;
}
