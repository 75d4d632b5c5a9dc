import type { Diagnostics } from "../diagnostics.js";
import { toPointer } from "../json-pointer.js";
import { isObject, listOperations, type JsonObject } from "../openapi-walk.js";
import { MAX_PROSE_CHARS } from "./infer-constraints.js";
import { saysOptional } from "./prose/says-optional.js";

/**
 * apifox marks body fields required by default, so an export can demand what its vendor
 * calls optional. A field listed as required is made optional (with a warning) only when both
 * sides of the export agree: its description calls it optional, and every request example the
 * operation gives leaves it out.
 */
export function relaxOverstatedRequired(document: JsonObject, diagnostics: Diagnostics): void {
  for (const { operation, at } of listOperations(document)) {
    if (operation["x-infer"] === false) continue;
    const body = operation.requestBody;
    const content = isObject(body) && isObject(body.content) ? body.content : {};
    for (const [mediaType, media] of Object.entries(content)) {
      if (!isObject(media) || !isObject(media.schema)) continue;
      const schema = media.schema;
      if (!Array.isArray(schema.required) || !isObject(schema.properties)) continue;
      const examples = requestExamples(media);
      // No example, no evidence: the prose alone does not relax anything.
      if (examples.length === 0) continue;
      const relaxed = schema.required.filter((name) => {
        const property = (schema.properties as JsonObject)[String(name)];
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
          {
            pointer: toPointer([
              ...at,
              "requestBody",
              "content",
              mediaType,
              "schema",
              "properties",
              String(name),
              "description",
            ]),
          },
        );
      }
      if (relaxed.length > 0) {
        const kept = schema.required.filter((name) => !relaxed.includes(name));
        if (kept.length > 0) schema.required = kept;
        else delete schema.required;
      }
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
