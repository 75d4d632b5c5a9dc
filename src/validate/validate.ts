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
  check(value, schema, "", issues, options.rejectUnknown ?? true);
  return issues;
}

function check(
  value: unknown,
  schema: ConstraintSchema,
  path: string,
  issues: FieldIssue[],
  rejectUnknown: boolean,
): void {
  if (value === null) {
    if (!schema.nullable && schema.type !== undefined)
      issues.push({ path, message: "must not be null" });
    return;
  }
  if (schema.oneOf || schema.anyOf) {
    const options = (schema.oneOf ?? schema.anyOf)!;
    if (!options.some((option) => validate(value, option, { rejectUnknown }).length === 0)) {
      issues.push({ path, message: "matches none of the allowed shapes" });
    }
    return;
  }
  if (schema.type !== undefined && !hasType(value, schema.type)) {
    issues.push({ path, message: `must be ${article(schema.type)}, got ${describeValue(value)}` });
    return;
  }
  if (schema.enum && !schema.enum.includes(value)) {
    issues.push({
      path,
      message: `must be one of ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}, got ${describeValue(value)}`,
    });
    return;
  }
  if (typeof value === "number") checkNumber(value, schema, path, issues);
  else if (typeof value === "string") checkString(value, schema, path, issues);
  else if (Array.isArray(value)) checkArray(value, schema, path, issues, rejectUnknown);
  else if (typeof value === "object")
    checkObject(value as Record<string, unknown>, schema, path, issues, rejectUnknown);
}

function checkNumber(
  value: number,
  schema: ConstraintSchema,
  path: string,
  issues: FieldIssue[],
): void {
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf } = schema;
  if (minimum !== undefined && (exclusiveMinimum === true ? value <= minimum : value < minimum)) {
    issues.push({
      path,
      message: `must be ${exclusiveMinimum === true ? ">" : ">="} ${minimum}, got ${value}`,
    });
  }
  if (maximum !== undefined && (exclusiveMaximum === true ? value >= maximum : value > maximum)) {
    issues.push({
      path,
      message: `must be ${exclusiveMaximum === true ? "<" : "<="} ${maximum}, got ${value}`,
    });
  }
  if (
    multipleOf !== undefined &&
    Math.abs(value / multipleOf - Math.round(value / multipleOf)) > 1e-9
  ) {
    issues.push({ path, message: `must be a multiple of ${multipleOf}` });
  }
}

function checkString(
  value: string,
  schema: ConstraintSchema,
  path: string,
  issues: FieldIssue[],
): void {
  if (schema.minLength !== undefined && value.length < schema.minLength) {
    issues.push({ path, message: `must be at least ${schema.minLength} characters` });
  }
  if (schema.maxLength !== undefined && value.length > schema.maxLength) {
    issues.push({
      path,
      message: `must be at most ${schema.maxLength} characters, got ${value.length}`,
    });
  }
  if (schema.pattern !== undefined && !new RegExp(schema.pattern, "u").test(value)) {
    issues.push({ path, message: `must match /${schema.pattern}/` });
  }
}

function checkArray(
  value: unknown[],
  schema: ConstraintSchema,
  path: string,
  issues: FieldIssue[],
  rejectUnknown: boolean,
): void {
  if (schema.minItems !== undefined && value.length < schema.minItems) {
    issues.push({ path, message: `must have at least ${schema.minItems} items` });
  }
  if (schema.maxItems !== undefined && value.length > schema.maxItems) {
    issues.push({
      path,
      message: `must have at most ${schema.maxItems} items, got ${value.length}`,
    });
  }
  if (schema.items)
    value.forEach((item, i) =>
      check(item, schema.items!, join(path, String(i)), issues, rejectUnknown),
    );
}

function checkObject(
  value: Record<string, unknown>,
  schema: ConstraintSchema,
  path: string,
  issues: FieldIssue[],
  rejectUnknown: boolean,
): void {
  const properties = schema.properties;
  for (const name of schema.required ?? []) {
    if (value[name] === undefined) issues.push({ path: join(path, name), message: "is required" });
  }
  for (const key in value) {
    const child = value[key];
    if (child === undefined) continue;
    // Own names only: `properties.constructor` would read Object.prototype's function.
    const childSchema = properties && Object.hasOwn(properties, key) ? properties[key] : undefined;
    if (childSchema) check(child, childSchema, join(path, key), issues, rejectUnknown);
    else if (typeof schema.additionalProperties === "object")
      check(child, schema.additionalProperties, join(path, key), issues, rejectUnknown);
    else if (properties && schema.additionalProperties !== true && rejectUnknown) {
      issues.push({
        path: join(path, key),
        message: unknownFieldMessage(key, Object.keys(properties)),
      });
    }
  }
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
