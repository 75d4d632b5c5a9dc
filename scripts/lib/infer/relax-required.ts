import type { Diagnostics } from "../diagnostics.js";
import { toPointer } from "../json-pointer.js";
import { isObject, listOperations, type JsonObject } from "../openapi-walk.js";
import { MAX_PROSE_CHARS } from "./infer-constraints.js";
import { saysOptional } from "./prose/says-optional.js";

/**
 * apifox marks body fields required by default, so an export can demand what its vendor
 * calls optional. A field listed as required is made optional (with a warning) only when both
 * sides of the export agree: its description calls it optional, and every request example the
 * operation gives leaves it out. Nested objects too: there the evidence is the examples that
 * hold the parent object (one that leaves the parent out says nothing about its fields).
 */
export function relaxOverstatedRequired(document: JsonObject, diagnostics: Diagnostics): void {
  for (const { operation, at } of listOperations(document)) {
    if (operation["x-infer"] === false) continue;
    const body = operation.requestBody;
    const content = isObject(body) && isObject(body.content) ? body.content : {};
    for (const [mediaType, media] of Object.entries(content)) {
      if (!isObject(media) || !isObject(media.schema)) continue;
      const where = [...at, "requestBody", "content", mediaType, "schema"];
      relaxIn(media.schema, requestExamples(media), where, diagnostics, 0);
    }
  }
}

/** Nested objects deeper than this are left as they are. */
const MAX_DEPTH = 16;

function relaxIn(
  schema: JsonObject,
  examples: JsonObject[],
  at: (string | number)[],
  diagnostics: Diagnostics,
  depth: number,
): void {
  // No example, no evidence: the prose alone does not relax anything.
  if (examples.length === 0 || depth > MAX_DEPTH || !isObject(schema.properties)) return;
  const properties = schema.properties;
  if (Array.isArray(schema.required)) {
    const relaxed = schema.required.filter((name) => {
      const property = properties[String(name)];
      return (
        isObject(property) &&
        property["x-infer"] !== false &&
        typeof property.description === "string" &&
        property.description.length <= MAX_PROSE_CHARS &&
        saysOptional(property.description) &&
        examples.every((example) => !(String(name) in example))
      );
    });
    for (const name of relaxed) {
      diagnostics.warn(
        "prose-required-relaxed",
        `"${String(name)}" is listed as required, but its description calls it optional and the request example leaves it out; made optional`,
        { pointer: toPointer([...at, "properties", String(name), "description"]) },
      );
    }
    if (relaxed.length > 0) {
      const kept = schema.required.filter((name) => !relaxed.includes(name));
      if (kept.length > 0) schema.required = kept;
      else delete schema.required;
    }
  }
  for (const [name, child] of Object.entries(properties)) {
    if (!isObject(child) || child["x-infer"] === false) continue;
    const inner = examples.map((example) => example[name]);
    relaxIn(child, inner.filter(isObject), [...at, "properties", name], diagnostics, depth + 1);
    if (isObject(child.items)) {
      const items = inner.flatMap((value) => (Array.isArray(value) ? value : []));
      relaxIn(
        child.items,
        items.filter(isObject),
        [...at, "properties", name, "items"],
        diagnostics,
        depth + 1,
      );
    }
  }
}

/** The object examples of a request body: `example`, each `examples` value, the schema's. */
function requestExamples(media: JsonObject): JsonObject[] {
  const found: unknown[] = [media.example];
  if (isObject(media.examples))
    for (const named of Object.values(media.examples)) if (isObject(named)) found.push(named.value);
  if (isObject(media.schema)) found.push(media.schema.example);
  return found.filter(isObject);
}
