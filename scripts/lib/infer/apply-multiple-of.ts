/**
 * Applies a step read from prose ("multiple of 64", "64的倍数") as `multipleOf`, on numbers only,
 * and only where the schema's own default and enum values are multiples of it.
 */
import type { JsonObject } from "../openapi-walk.js";
import { keywordAdmits } from "./admits.js";
import { coerceToType } from "./coerce.js";

type Report = (code: string, message: string) => void;

export function applyMultipleOf(schema: JsonObject, raw: string, report: Report): string[] {
  if (schema.type !== "integer" && schema.type !== "number") {
    report(
      "prose-multiple-type-mismatch",
      `description gives a step ${raw} but the type is ${String(schema.type ?? "unspecified")}; not applied`,
    );
    return [];
  }
  const step = coerceToType(raw, schema.type);
  if (typeof step !== "number" || step <= 0) {
    report(
      "prose-multiple-type-mismatch",
      `description gives a step ${raw}, not a positive ${String(schema.type)}; not applied`,
    );
    return [];
  }
  if (schema.multipleOf !== undefined) {
    if (schema.multipleOf !== step)
      report(
        "prose-multiple-mismatch",
        `description says multipleOf ${step} but the schema says ${String(schema.multipleOf)}; keeping the schema's`,
      );
    return [];
  }
  const candidate = { ...schema, multipleOf: step };
  const own = [
    ...(schema.default !== undefined ? [schema.default] : []),
    ...(Array.isArray(schema.enum) ? schema.enum : []),
  ];
  const refused = own.find((value) => !keywordAdmits(candidate, "multipleOf", value));
  if (refused !== undefined) {
    report(
      "prose-multiple-contradicts-schema",
      `description gives a step ${step}, but the schema's own value ${JSON.stringify(refused)} is not a multiple of it; not applied`,
    );
    return [];
  }
  schema.multipleOf = step;
  return ["multipleOf"];
}
