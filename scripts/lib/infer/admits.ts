import type { JsonObject } from "../openapi-walk.js";

/** The keywords that accept or refuse a single value. */
export const VALUE_KEYWORDS = [
  "enum",
  "minimum",
  "maximum",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "multipleOf",
] as const;

/** Whether `schema[keyword]` accepts `value`; a keyword about another kind of value does. */
export function keywordAdmits(schema: JsonObject, keyword: string, value: unknown): boolean {
  const bound = schema[keyword];
  const number = typeof value === "number" ? value : undefined;
  // Code points, as JSON Schema counts a string's length.
  const length =
    typeof value === "string" ? [...value].length : Array.isArray(value) ? value.length : undefined;
  switch (keyword) {
    case "enum":
      return !Array.isArray(bound) || bound.includes(value);
    case "minimum":
      return typeof bound !== "number" || number === undefined || number >= bound;
    case "maximum":
      return typeof bound !== "number" || number === undefined || number <= bound;
    case "minLength":
    case "minItems":
      return typeof bound !== "number" || length === undefined || length >= bound;
    case "maxLength":
    case "maxItems":
      return typeof bound !== "number" || length === undefined || length <= bound;
    case "multipleOf":
      // The same tolerance the runtime validator allows (src/validate/validate.ts).
      return (
        typeof bound !== "number" ||
        bound <= 0 ||
        number === undefined ||
        Math.abs(number / bound - Math.round(number / bound)) <= 1e-9
      );
    default:
      return true;
  }
}

/** The first keyword of `schema` that refuses `value`, if any. */
export function refusingKeyword(schema: JsonObject, value: unknown): string | undefined {
  return VALUE_KEYWORDS.find((keyword) => !keywordAdmits(schema, keyword, value));
}
