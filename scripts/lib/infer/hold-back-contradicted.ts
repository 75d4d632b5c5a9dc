import type { Diagnostics } from "../diagnostics.js";
import { toPointer } from "../json-pointer.js";
import {
  isObject,
  listOperations,
  resolveSchema,
  walkSchemas,
  type JsonObject,
} from "../openapi-walk.js";
import { keywordAdmits } from "./admits.js";
import { coerceToType, matchesType } from "./coerce.js";
import { INFERRED_FROM, INFERRED_KEYWORDS } from "./infer-constraints.js";
import { listParameterSchemas } from "./parameter-schemas.js";

/**
 * Evidence before application: a constraint read from prose stays only if everything the export
 * itself shows agrees with it. Its examples are the export's own word on valid input, so an
 * inferred enum, range or length that rejects one of them is held back (removed, with a warning
 * naming the example): a constraint we invented that refuses a valid request is worse than one
 * we missed. apifox's placeholders (the type's name, an empty string) are not evidence.
 */
export function holdBackContradicted(document: JsonObject, diagnostics: Diagnostics): void {
  const evidence = collectEvidence(document);
  walkSchemas(document, (schema, at) => {
    const inferred = schema[INFERRED_KEYWORDS];
    if (!Array.isArray(inferred) || inferred.length === 0) return;
    const seen = (evidence.get(schema) ?? []).filter((value) => !isPlaceholder(value, schema.type));
    const contradicted = new Map<string, unknown>();
    for (const raw of seen) {
      const value = asType(raw, schema.type);
      for (const keyword of inferred as string[]) {
        if (!contradicted.has(keyword) && !keywordAdmits(schema, keyword, value))
          contradicted.set(keyword, raw);
      }
    }
    if (contradicted.size === 0) return;
    for (const [keyword, example] of contradicted) {
      diagnostics.warn(
        "inferred-held-back",
        `not applying ${keyword}=${JSON.stringify(schema[keyword])} read from the description: the export's own example ${JSON.stringify(example)} contradicts it`,
        { pointer: toPointer([...at, "description"]) },
      );
      delete schema[keyword];
    }
    const kept = (inferred as string[]).filter((k) => !contradicted.has(k));
    if (kept.length > 0) schema[INFERRED_KEYWORDS] = kept;
    else {
      delete schema[INFERRED_KEYWORDS];
      delete schema[INFERRED_FROM];
    }
  });
}

/** The example as the schema's type would read it (apifox writes `2` for the string "2"). */
function asType(value: unknown, type: unknown): unknown {
  if (matchesType(value, type)) return value;
  const primitive = ["number", "boolean", "string"].includes(typeof value);
  const coerced = primitive ? coerceToType(String(value), type) : undefined;
  return coerced === undefined ? value : coerced;
}

function isPlaceholder(value: unknown, type: unknown): boolean {
  return value === "" || value === null || (typeof value === "string" && value === type);
}

/** Every example value that lands on each schema: its own, and the request examples' fields. */
function collectEvidence(document: JsonObject): Map<JsonObject, unknown[]> {
  const evidence = new Map<JsonObject, unknown[]>();
  const add = (schema: JsonObject, value: unknown) => {
    const list = evidence.get(schema) ?? [];
    list.push(value);
    evidence.set(schema, list);
  };
  walkSchemas(document, (schema) => {
    if ("example" in schema && schema.example !== undefined) add(schema, schema.example);
    if (Array.isArray(schema.examples)) for (const value of schema.examples) add(schema, value);
  });
  const descend = (value: unknown, schemaLike: unknown, depth: number) => {
    const schema = resolveSchema(schemaLike, document);
    if (!schema || depth > 16) return;
    add(schema, value);
    if (isObject(value) && isObject(schema.properties)) {
      for (const [key, child] of Object.entries(value))
        descend(child, schema.properties[key], depth + 1);
    } else if (Array.isArray(value) && schema.items !== undefined) {
      for (const item of value) descend(item, schema.items, depth + 1);
    }
  };
  // A parameter gives its examples on itself, not on its schema.
  for (const { parameter, schema } of listParameterSchemas(document)) {
    if ("example" in parameter && parameter.example !== undefined) add(schema, parameter.example);
    if (isObject(parameter.examples))
      for (const named of Object.values(parameter.examples))
        if (isObject(named) && "value" in named) add(schema, named.value);
  }
  for (const { operation } of listOperations(document)) {
    const body = operation.requestBody;
    const content = isObject(body) && isObject(body.content) ? body.content : {};
    for (const media of Object.values(content)) {
      if (!isObject(media)) continue;
      if ("example" in media) descend(media.example, media.schema, 0);
      if (isObject(media.examples))
        for (const named of Object.values(media.examples))
          if (isObject(named) && "value" in named) descend(named.value, media.schema, 0);
    }
  }
  return evidence;
}
