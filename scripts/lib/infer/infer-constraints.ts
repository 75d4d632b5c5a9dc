import type { Diagnostics } from "../diagnostics.js";
import { toPointer } from "../json-pointer.js";
import { walkSchemas, type JsonObject } from "../openapi-walk.js";
import { keywordAdmits, refusingKeyword } from "./admits.js";
import { applyMultipleOf } from "./apply-multiple-of.js";
import { coerceToType } from "./coerce.js";
import { listParameterSchemas } from "./parameter-schemas.js";
import { parseProse, type ProseConstraints, type ProseRange } from "./parse-prose.js";

/** Marks which keywords came from prose, so the diff and the docs can say so. */
export const INFERRED_FROM = "x-inferred-from";
export const INFERRED_KEYWORDS = "x-inferred-keywords";

/**
 * Applies constraints found in each schema's `description`, and in each parameter's (query,
 * path, header), as standard keywords. Explicit keywords always win; prose that contradicts the
 * schema's type is reported, never applied. Text longer than `MAX_PROSE_CHARS` is not read.
 */
export function inferConstraints(document: JsonObject, diagnostics: Diagnostics): void {
  const tooLong: string[] = [];
  const readProse = memoizedProse();
  // `textAt` is the text's parent and `textKey` its key: the pointer is built only when a
  // diagnostic names it, and before `read` returns (the walk's path stack moves on after).
  const read = (
    schema: JsonObject,
    text: unknown,
    at: Segments,
    textAt: Segments,
    textKey: string,
  ) => {
    if (typeof text !== "string" || text.trim() === "") return;
    if (inferenceOff(document, schema, at)) return;
    // A composed schema says what it accepts itself: prose must not narrow a oneOf of an
    // enum and an object down to the words it happens to list.
    if (COMPOSED.some((key) => schema[key] !== undefined)) return;
    let pointer: string | undefined;
    const textPointer = () => (pointer ??= toPointer([...textAt, textKey]));
    if (text.length > MAX_PROSE_CHARS) {
      tooLong.push(textPointer());
      return;
    }
    applyProse(schema, readProse(text), (code, message) =>
      diagnostics.warn(code, message, { pointer: textPointer() }),
    );
  };
  walkSchemas(document, (schema, at) => read(schema, schema.description, at, at, "description"));
  // A parameter's prose is on the parameter; its schema's own description was read above.
  for (const { parameter, schema, at } of listParameterSchemas(document))
    if (schema.description === undefined)
      read(schema, parameter.description, [...at, "schema"], at, "description");
  if (tooLong.length > 0)
    diagnostics.info(
      "prose-too-long",
      `${tooLong.length} description(s) longer than ${MAX_PROSE_CHARS.toLocaleString("en")} characters not read for constraints, the first here`,
      { pointer: tooLong[0]! },
    );
}

/**
 * parseProse, once per distinct text: a big spec repeats a description on many schemas (3,871
 * descriptions, 2,741 distinct in OpenAI's), and reading one costs more than its lookup. The
 * results are frozen because schemas sharing a text share them: applying only reads them.
 */
function memoizedProse(): (text: string) => ProseConstraints {
  const read = new Map<string, ProseConstraints>();
  return (text) => {
    let found = read.get(text);
    if (found === undefined) {
      found = deepFreeze(parseProse(text));
      read.set(text, found);
    }
    return found;
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Longest text read for constraints: real field descriptions are a few hundred characters,
 * and the reader's cost grows with the text (a 50 MB description once took minutes).
 */
export const MAX_PROSE_CHARS = 10_000;

type Segments = readonly (string | number)[];

function applyProse(schema: JsonObject, prose: ProseConstraints, report: Report): void {
  const applied: string[] = [];
  if (prose.enum) applied.push(...applyEnum(schema, prose.enum, report));
  if (prose.range) applied.push(...applyRange(schema, prose.range, report));
  if (prose.default !== undefined) applied.push(...applyDefault(schema, prose.default, report));
  if (prose.multipleOf !== undefined)
    applied.push(...applyMultipleOf(schema, prose.multipleOf, report));
  if (applied.length === 0) return;
  schema[INFERRED_FROM] = "description";
  schema[INFERRED_KEYWORDS] = applied;
  report(
    "inferred-constraint",
    `read ${applied.map((k) => `${k}=${JSON.stringify(schema[k])}`).join(", ")} from the description`,
  );
}

type Report = (code: string, message: string) => void;

const COMPOSED = ["oneOf", "anyOf", "allOf", "not", "$ref"] as const;

/** `x-infer: false` (from an overlay) on the schema, on its operation, or on the document. */
function inferenceOff(document: JsonObject, schema: JsonObject, at: Segments): boolean {
  if (schema["x-infer"] === false || document["x-infer"] === false) return true;
  if (at[0] !== "paths") return false;
  const operation = (document.paths as Record<string, Record<string, unknown>>)?.[String(at[1])]?.[
    String(at[2])
  ];
  return (operation as JsonObject | undefined)?.["x-infer"] === false;
}

function applyEnum(schema: JsonObject, raw: string[], report: Report): string[] {
  if (schema.type === "object" || schema.type === "array" || schema.type === "boolean") {
    report(
      "prose-enum-type-mismatch",
      `description lists values ${JSON.stringify(raw)} but the type is ${String(schema.type)}; not applied`,
    );
    return [];
  }
  const values = raw.map((value) => coerceToType(value, schema.type));
  const bad = raw.filter((_, index) => values[index] === undefined);
  if (bad.length > 0) {
    report(
      "prose-enum-type-mismatch",
      `description lists ${JSON.stringify(bad)}, which are not of type ${String(schema.type)}; enum not applied`,
    );
    return [];
  }
  const outside = values.find((value) => refusingKeyword(schema, value) !== undefined);
  if (outside !== undefined) {
    report(
      "prose-enum-outside-schema",
      `description lists ${JSON.stringify(outside)}, which the schema's ${refusingKeyword(schema, outside)} refuses; enum not applied`,
    );
    return [];
  }
  if (schema.default !== undefined && !values.includes(schema.default)) {
    report(
      "prose-enum-excludes-default",
      `description lists ${JSON.stringify(values)} but the schema's default is ${JSON.stringify(schema.default)}; enum not applied`,
    );
    return [];
  }
  if (Array.isArray(schema.enum)) {
    const same =
      schema.enum.length === values.length &&
      values.every((v) => (schema.enum as unknown[]).includes(v));
    if (!same)
      report(
        "prose-enum-mismatch",
        `description lists ${JSON.stringify(values)} but the schema's enum is ${JSON.stringify(schema.enum)}; keeping the schema's`,
      );
    return [];
  }
  schema.enum = values;
  return ["enum"];
}

const BOUND_KEYWORDS = {
  value: ["minimum", "maximum"],
  length: ["minLength", "maxLength"],
  items: ["minItems", "maxItems"],
} as const;

function applyRange(schema: JsonObject, range: ProseRange, report: Report): string[] {
  const kind =
    schema.type === "integer" || schema.type === "number"
      ? "value"
      : schema.type === "string" && range.ofLength
        ? "length"
        : schema.type === "array"
          ? "items"
          : undefined;
  const text = `${range.min ?? ""}..${range.max ?? ""}`;
  if (range.contested) {
    report(
      "prose-range-contradiction",
      `description states bounds that disagree (${text} and another); not applied`,
    );
    return [];
  }
  if (kind === undefined) {
    report(
      "prose-range-type-mismatch",
      `description gives a range ${text} but the type is ${String(schema.type ?? "unspecified")}; not applied`,
    );
    return [];
  }
  const boundType = kind === "value" ? schema.type : "integer";
  const [minKey, maxKey] = BOUND_KEYWORDS[kind];
  // A bound too large for a double ("最大值9223372036854775807") is left out on its own: the
  // other bound is still stated. A bound of the wrong kind ("1.5" for an integer) means the
  // prose speaks of something else, and nothing is applied.
  const representable = (raw: string | undefined) => {
    if (raw === undefined || !/^[-+]?\d+$/.test(raw) || Number.isSafeInteger(Number(raw)))
      return raw;
    report(
      "prose-range-unrepresentable",
      `description gives the bound ${raw}, beyond what a number holds exactly; that bound is not applied`,
    );
    return undefined;
  };
  const minText = representable(range.min);
  const maxText = representable(range.max);
  const min = minText === undefined ? undefined : coerceToType(minText, boundType);
  const max = maxText === undefined ? undefined : coerceToType(maxText, boundType);
  if (
    (minText !== undefined && min === undefined) ||
    (maxText !== undefined && max === undefined)
  ) {
    report(
      "prose-range-type-mismatch",
      `description gives a range ${text} whose bounds are not of type ${String(boundType)}; not applied`,
    );
    return [];
  }
  if (
    kind !== "value" &&
    ((typeof min === "number" && min < 0) || (typeof max === "number" && max < 0))
  ) {
    report(
      "prose-range-negative",
      `description gives a negative ${kind} bound ${text}; not applied`,
    );
    return [];
  }
  if (typeof min === "number" && typeof max === "number" && min > max) {
    report(
      "prose-range-inverted",
      `description gives a range ${text} whose minimum exceeds its maximum; not applied`,
    );
    return [];
  }
  const additions: JsonObject = {};
  for (const [key, bound] of [
    [minKey, min],
    [maxKey, max],
  ] as const) {
    if (bound === undefined) continue;
    if (schema[key] !== undefined) {
      if (schema[key] !== bound)
        report(
          "prose-range-mismatch",
          `description says ${key} ${String(bound)} but the schema says ${String(schema[key])}; keeping the schema's`,
        );
      continue;
    }
    additions[key] = bound;
  }
  const conflict = conflictWithSchema(schema, additions, minKey, maxKey);
  if (conflict) {
    report(
      "prose-range-contradicts-schema",
      `description gives a range ${text}, but ${conflict}; not applied`,
    );
    return [];
  }
  Object.assign(schema, additions);
  return Object.keys(additions);
}

function applyDefault(schema: JsonObject, raw: string, report: Report): string[] {
  const value = coerceToType(raw, schema.type);
  if (value === undefined) {
    report(
      "prose-default-type-mismatch",
      `description gives default "${raw}", which is not of type ${String(schema.type)}; not applied`,
    );
    return [];
  }
  const refusing = refusingKeyword(schema, value);
  if (refusing === "enum") {
    report(
      "prose-default-not-in-enum",
      `description gives default ${JSON.stringify(value)}, which is not one of ${JSON.stringify(schema.enum)}; not applied`,
    );
    return [];
  }
  if (refusing !== undefined) {
    report(
      "prose-default-out-of-range",
      `description gives default ${JSON.stringify(value)}, which ${refusing} ${String(schema[refusing])} refuses; not applied`,
    );
    return [];
  }
  if (schema.default !== undefined) {
    if (schema.default !== value)
      report(
        "prose-default-mismatch",
        `description gives default ${JSON.stringify(value)} but the schema says ${JSON.stringify(schema.default)}; keeping the schema's`,
      );
    return [];
  }
  schema.default = value;
  return ["default"];
}

/**
 * Why bounds read from prose cannot join the schema's own keywords, if they cannot: they
 * would cross a stated bound, or refuse the schema's own default or enum values.
 */
function conflictWithSchema(
  schema: JsonObject,
  additions: JsonObject,
  minKey: string,
  maxKey: string,
): string | undefined {
  const candidate = { ...schema, ...additions };
  const low = candidate[minKey];
  const high = candidate[maxKey];
  if (typeof low === "number" && typeof high === "number" && low > high)
    return `${minKey} ${low} would exceed ${maxKey} ${high}`;
  const own = [
    ...(schema.default !== undefined ? [schema.default] : []),
    ...(Array.isArray(schema.enum) ? schema.enum : []),
  ];
  for (const value of own)
    for (const key of Object.keys(additions))
      if (!keywordAdmits(candidate, key, value))
        return `the schema's own value ${JSON.stringify(value)} is outside it`;
  return undefined;
}
