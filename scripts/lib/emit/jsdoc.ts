import { INFERRED_KEYWORDS } from "../infer/infer-constraints.js";
import type { JsonObject } from "../openapi-walk.js";
import { docText } from "./code-text.js";

/** Schema keywords shown as JSDoc tags, in this order. */
const TAGGED_KEYWORDS = [
  "minimum",
  "exclusiveMinimum",
  "maximum",
  "exclusiveMaximum",
  "multipleOf",
  "minLength",
  "maxLength",
  "pattern",
  "minItems",
  "maxItems",
  "format",
  "default",
  "example",
] as const;

/**
 * The JSDoc for one schema: its description (with per-value docs for enums), then a tag per
 * constraint. Values are JSON, so a string default reads `"2"` and a number `2`: the
 * difference matters to callers and openapi-typescript's own comments lose it.
 */
export function schemaJsDoc(schema: JsonObject): string | undefined {
  const lines: string[] = [];
  if (typeof schema.description === "string" && schema.description.trim() !== "") {
    lines.push(schema.description.trim());
  }
  const valueDocs = enumValueDocs(schema);
  if (valueDocs.length > 0) lines.push(...valueDocs);
  const tags: { tagName: string; text?: string }[] = [];
  for (const keyword of TAGGED_KEYWORDS) {
    if (schema[keyword] === undefined) continue;
    tags.push({ tagName: keyword, text: JSON.stringify(schema[keyword]) });
  }
  if (schema.deprecated === true) tags.push({ tagName: "deprecated" });
  const inferred = schema[INFERRED_KEYWORDS];
  if (Array.isArray(inferred) && inferred.length > 0) {
    tags.push({
      tagName: "remarks",
      text: `${inferred.map((k) => `\`${String(k)}\``).join(", ")} inferred from the description.`,
    });
  }
  if (lines.length === 0 && tags.length === 0) return undefined;
  const body = [
    ...lines,
    ...tags.map((t) => (t.text ? `@${t.tagName} ${t.text}` : `@${t.tagName}`)),
  ];
  // Vendor text: "*/" would end the comment early, odd line breaks would misalign it.
  const safe = docText(body.join("\n")).split("\n");
  return safe.length === 1
    ? `/** ${safe[0]} */`
    : `/**\n${safe.map((l) => ` * ${l}`.trimEnd()).join("\n")}\n */`;
}

function enumValueDocs(schema: JsonObject): string[] {
  const values = schema.enum;
  const descriptions = schema["x-enum-descriptions"];
  if (!Array.isArray(values) || !Array.isArray(descriptions)) return [];
  return values.flatMap((value, index) => {
    const text = descriptions[index];
    return typeof text === "string" && text !== "" ? [`- ${JSON.stringify(value)}: ${text}`] : [];
  });
}
