import type { JsonObject } from "../openapi-walk.js";

/**
 * Formats that hold every value of a narrower one of the same type, narrower first (oasdiff's
 * `isFormatContained`): an `int32` is an `int64`, a `date` is read as a `date-time`.
 */
const WIDER_FORMATS: Record<string, Record<string, string[]>> = {
  integer: { int32: ["int64", "bigint"], int64: ["bigint"] },
  number: { float: ["double"] },
  string: { date: ["date-time"], time: ["date-time"] },
};

/**
 * Whether every value `from`'s type and format admit, `to`'s admit too: `integer` -> `number`,
 * `int32` -> `int64`, a format dropped, a type added to a 3.1 list. A request that widens so is
 * generalized, a response that narrows so is specialized; both leave every caller working.
 * (`null` is compared apart, as nullability.)
 */
export function typeAdmitsAll(from: JsonObject, to: JsonObject): boolean {
  const [fromTypes, toTypes] = [typesOf(from), typesOf(to)];
  if (fromTypes.length === 0 || toTypes.length === 0) return false;
  const typesHeld = fromTypes.every(
    (type) => toTypes.includes(type) || (type === "integer" && toTypes.includes("number")),
  );
  return typesHeld && formatAdmitsAll(from.format, to.format, toTypes);
}

function formatAdmitsAll(from: unknown, to: unknown, toTypes: string[]): boolean {
  if (to === undefined || to === from) return true;
  if (typeof from !== "string" || typeof to !== "string" || toTypes.length !== 1) return false;
  return WIDER_FORMATS[toTypes[0]!]?.[from]?.includes(to) ?? false;
}

function typesOf(schema: JsonObject): string[] {
  const type = schema.type;
  const list = Array.isArray(type) ? type : typeof type === "string" ? [type] : [];
  return list.filter((t): t is string => typeof t === "string" && t !== "null");
}
