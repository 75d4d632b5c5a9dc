import { resolvePointer } from "../json-pointer.js";
import { isObject, type JsonObject } from "../openapi-walk.js";

/** What fal's per-model OpenAPI says about one model. */
export interface FalModel {
  /** `/fal-ai/flux-pro/kontext/max` */
  submitPath: string;
  /** The submit body's schema, `$ref` followed once. */
  input: JsonObject;
  /** Pointer of the input schema in fal's document, for source comments. */
  inputPointer: string;
  /** Component name of the result schema (`GET .../requests/{request_id}`). */
  resultName: string;
  /** fal's `components.schemas`. */
  schemas: JsonObject;
}

/** Finds the queue model in fal's document, or says what is missing. */
export function readFalModel(document: unknown): FalModel | { error: string } {
  if (!isObject(document) || !isObject(document.paths))
    return { error: "not an OpenAPI document with paths" };
  const paths = document.paths;
  const schemas =
    isObject(document.components) && isObject(document.components.schemas)
      ? document.components.schemas
      : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item) || !isObject(item.post)) continue;
    const result = paths[`${path.replace(/\/+$/, "")}/requests/{request_id}`];
    const resultRef =
      isObject(result) && isObject(result.get) ? okSchema(result.get)?.$ref : undefined;
    const inputRef = bodySchema(item.post)?.$ref;
    if (typeof resultRef !== "string" || typeof inputRef !== "string") continue;
    const input = resolvePointer(document, inputRef);
    const resultName = resultRef.split("/").pop() ?? "";
    if (!isObject(input) || !isObject(schemas[resultName])) continue;
    return { submitPath: path, input, inputPointer: inputRef, resultName, schemas };
  }
  return {
    error:
      "no fal queue model found: expected POST {model} with a $ref body and GET {model}/requests/{request_id} answering a component",
  };
}

function okSchema(operation: JsonObject): JsonObject | undefined {
  const ok = isObject(operation.responses) ? operation.responses["200"] : undefined;
  const media = isObject(ok) && isObject(ok.content) ? ok.content["application/json"] : undefined;
  return isObject(media) && isObject(media.schema) ? media.schema : undefined;
}

function bodySchema(operation: JsonObject): JsonObject | undefined {
  const body = isObject(operation.requestBody) ? operation.requestBody : undefined;
  const media = body && isObject(body.content) ? body.content["application/json"] : undefined;
  return isObject(media) && isObject(media.schema) ? media.schema : undefined;
}
