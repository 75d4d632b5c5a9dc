import type { FieldIssue } from "../errors/api-error.js";
import type { ConstraintSchema } from "../internal/contract.js";

export interface ValidateOptions {
  /** Report properties the schema does not declare (typos cost money). @default true */
  rejectUnknown?: boolean;
}

/**
 * Checks a value against a generated constraint schema and lists every problem with its field
 * path. Reads only the tables in generated/: no knowledge of any model lives here.
 */
export function validate(
  value: unknown,
  schema: ConstraintSchema,
  options: ValidateOptions = {},
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const rejectUnknown = options.rejectUnknown ?? true;

  const check = (value: unknown, schema: ConstraintSchema, path: string): void => {
    const fail = (message: string) => void issues.push({ path, message });
    if (value === null) {
      if (!schema.nullable && schema.type !== undefined) fail("must not be null");
      return;
    }
    const options = schema.oneOf ?? schema.anyOf;
    if (options) {
      if (!options.some((option) => validate(value, option, { rejectUnknown }).length === 0))
        fail("matches none of the allowed shapes");
      return;
    }
    if (schema.type !== undefined && !hasType(value, schema.type))
      return fail(`must be ${article(schema.type)}, got ${describeValue(value)}`);
    if (schema.enum && !schema.enum.includes(value)) {
      const allowed = schema.enum.map((v) => JSON.stringify(v)).join(", ");
      return fail(`must be one of ${allowed}, got ${describeValue(value)}`);
    }
    if (typeof value === "number") {
      const { minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf } = schema;
      const above = exclusiveMinimum === true;
      const below = exclusiveMaximum === true;
      if (minimum !== undefined && (above ? value <= minimum : value < minimum))
        fail(`must be ${above ? ">" : ">="} ${minimum}, got ${value}`);
      if (maximum !== undefined && (below ? value >= maximum : value > maximum))
        fail(`must be ${below ? "<" : "<="} ${maximum}, got ${value}`);
      if (
        multipleOf !== undefined &&
        Math.abs(value / multipleOf - Math.round(value / multipleOf)) > 1e-9
      )
        fail(`must be a multiple of ${multipleOf}`);
    } else if (typeof value === "string") {
      const { minLength, maxLength, pattern } = schema;
      if (minLength !== undefined && value.length < minLength)
        fail(`must be at least ${minLength} characters`);
      if (maxLength !== undefined && value.length > maxLength)
        fail(`must be at most ${maxLength} characters, got ${value.length}`);
      if (pattern !== undefined && !new RegExp(pattern, "u").test(value))
        fail(`must match /${pattern}/`);
    } else if (Array.isArray(value)) {
      const { minItems, maxItems, items } = schema;
      if (minItems !== undefined && value.length < minItems)
        fail(`must have at least ${minItems} items`);
      if (maxItems !== undefined && value.length > maxItems)
        fail(`must have at most ${maxItems} items, got ${value.length}`);
      if (items) value.forEach((item, i) => check(item, items, join(path, String(i))));
    } else if (typeof value === "object") {
      const record = value as Record<string, unknown>;
      const { properties, additionalProperties } = schema;
      for (const name of schema.required ?? [])
        if (record[name] === undefined)
          issues.push({ path: join(path, name), message: "is required" });
      for (const key in record) {
        const child = record[key];
        if (child === undefined) continue;
        const childSchema =
          properties?.[key] ??
          (typeof additionalProperties === "object" ? additionalProperties : undefined);
        if (childSchema) check(child, childSchema, join(path, key));
        else if (properties && additionalProperties !== true && rejectUnknown)
          issues.push({
            path: join(path, key),
            message: unknownFieldMessage(key, Object.keys(properties)),
          });
      }
    }
  };

  check(value, schema, "");
  return issues;
}

function hasType(value: unknown, type: NonNullable<ConstraintSchema["type"]>): boolean {
  switch (type) {
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "array":
      return Array.isArray(value);
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    default:
      return typeof value === type;
  }
}

function unknownFieldMessage(key: string, known: string[]): string {
  const normalized = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace(/-/g, "_");
  const guess = known.find(
    (k) => k === normalized || k.replace(/_/g, "") === key.toLowerCase().replace(/[-_]/g, ""),
  );
  return guess
    ? `is not a known field; did you mean ${guess}?`
    : `is not a known field (known: ${known.join(", ")})`;
}

function join(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}

function article(type: string): string {
  return type === "integer" || type === "array" || type === "object" ? `an ${type}` : `a ${type}`;
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string")
    return JSON.stringify(value.length > 40 ? value.slice(0, 40) + "…" : value);
  if (typeof value === "object") return "an object";
  return String(value);
}
