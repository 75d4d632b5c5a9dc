import type { Diagnostics } from "../diagnostics.js";
import { toPointer } from "../json-pointer.js";
import { isObject, listOperations, type JsonObject } from "../openapi-walk.js";
import { parseLooseJson } from "./parse-loose-json.js";

/**
 * apifox often exports a JSON request example as a string holding the JSON text, `//` notes
 * included. For an object body that string is read as the object it shows, so it counts as
 * evidence (it holds back contradicted constraints and relaxes fields it omits) and the emitted
 * contract carries a real example. A string that is not such JSON is left as it is.
 */
export function parseStringExamples(document: JsonObject, diagnostics: Diagnostics): void {
  for (const { operation, at } of listOperations(document)) {
    const body = operation.requestBody;
    const content = isObject(body) && isObject(body.content) ? body.content : {};
    for (const [mediaType, media] of Object.entries(content)) {
      if (!isObject(media) || !describesObject(media.schema)) continue;
      const where = [...at, "requestBody", "content", mediaType];
      const read = (holder: JsonObject, key: string, pointer: (string | number)[]) => {
        const text = holder[key];
        if (typeof text !== "string" || !/^\s*\{/.test(text)) return;
        const value = parseLooseJson(text);
        if (!isObject(value)) return;
        holder[key] = value;
        diagnostics.info(
          "example-json-string",
          "the request example is JSON written as a string; read as the object it shows",
          { pointer: toPointer(pointer) },
        );
      };
      read(media, "example", [...where, "example"]);
      if (isObject(media.examples))
        for (const [name, named] of Object.entries(media.examples))
          if (isObject(named)) read(named, "value", [...where, "examples", name, "value"]);
      if (isObject(media.schema)) read(media.schema, "example", [...where, "schema", "example"]);
    }
  }
}

function describesObject(schema: unknown): boolean {
  return (
    isObject(schema) &&
    (schema.type === "object" || (schema.type === undefined && isObject(schema.properties)))
  );
}
