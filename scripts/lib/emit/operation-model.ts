import { isObject, listOperations, type HttpMethod, type JsonObject } from "../openapi-walk.js";
import { resolvePointer } from "../json-pointer.js";
import { identifier } from "./code-text.js";
import { pascalCase } from "./naming.js";

/** What the emitters need to know about one operation, read once from the document. */
export interface OperationModel {
  id: string;
  /** PascalCase stem for every type named after this operation. */
  typeName: string;
  method: HttpMethod;
  path: string;
  summary?: string;
  description?: string;
  /** The JSON request body schema, if the operation takes one. */
  body?: { required: boolean; contentType: string; schema: JsonObject };
  /** Whether the route is submitted to fal's queue (`x-fal-queue`). */
  queue: boolean;
  /** Component name of the queue result schema, when an overlay declared it. */
  resultSchema?: string;
  /** The first 2xx JSON response schema. */
  successSchema?: unknown;
  successStatus?: string;
}

const JSON_MEDIA = /^application\/(.+\+)?json/;

export function describeOperations(document: JsonObject): OperationModel[] {
  return listOperations(document).map(({ path, method, operation }) => {
    const id = String(operation.operationId);
    const model: OperationModel = {
      id,
      typeName: identifier(pascalCase(id), "Operation"),
      method,
      path,
      queue: false,
    };
    if (typeof operation.summary === "string" && operation.summary !== path)
      model.summary = operation.summary;
    if (typeof operation.description === "string" && operation.description !== "")
      model.description = operation.description;
    const body = isObject(operation.requestBody) ? operation.requestBody : undefined;
    const bodyMedia = body ? firstJsonMedia(body.content) : undefined;
    if (body && bodyMedia && isObject(bodyMedia.media.schema)) {
      model.body = {
        required: body.required === true,
        contentType: bodyMedia.type,
        schema: bodyMedia.media.schema,
      };
    }
    const queue = operation["x-fal-queue"];
    if (isObject(queue)) {
      model.queue = true;
      if (
        typeof queue.result === "string" &&
        resolvePointer(document, queue.result) !== undefined
      ) {
        model.resultSchema = queue.result.split("/").pop();
      }
    }
    const responses = isObject(operation.responses) ? operation.responses : {};
    const success = Object.keys(responses)
      .sort()
      .find((status) => /^2\d\d$/.test(status));
    if (success !== undefined) {
      model.successStatus = success;
      const response = responses[success];
      const media = isObject(response) ? firstJsonMedia(response.content) : undefined;
      if (media) model.successSchema = media.media.schema;
    }
    return model;
  });
}

function firstJsonMedia(content: unknown): { type: string; media: JsonObject } | undefined {
  if (!isObject(content)) return undefined;
  for (const [type, media] of Object.entries(content)) {
    if (JSON_MEDIA.test(type) && isObject(media)) return { type, media };
  }
  return undefined;
}
