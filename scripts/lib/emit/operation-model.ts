import { isObject, listOperations, type HttpMethod, type JsonObject } from "../openapi-walk.js";
import { resolvePointer, toPointer } from "../json-pointer.js";
import { identifier } from "./code-text.js";
import { pascalCase } from "./naming.js";
import { resolveOperationAuth, type AuthScheme } from "../security/resolve-auth.js";

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
  /** Its media type as the spec spells it (`application/json; type=collection` included). */
  successContentType?: string;
  /** Path, query and header parameters (path-level ones merged in, the operation's winning). */
  parameters: ParameterModel[];
  /** A provider's own async protocol (`x-async-task`), checked by check-async-tasks. */
  task?: JsonObject;
  /** How the key is sent (`null`: not at all; absent: the spec says nothing, Bearer applies). */
  auth?: AuthScheme | null;
}

export interface ParameterModel {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  schema?: unknown;
}

const JSON_MEDIA = /^application\/(.+\+)?json/;

export function describeOperations(document: JsonObject): OperationModel[] {
  return listOperations(document).map(({ path, method, operation }) => {
    const id = String(operation.operationId);
    const pathItem = resolvePointer(document, toPointer(["paths", path]));
    const model: OperationModel = {
      id,
      typeName: identifier(pascalCase(id), "Operation"),
      method,
      path,
      queue: false,
      parameters: parametersOf(document, isObject(pathItem) ? pathItem : {}, operation),
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
    if (isObject(operation["x-async-task"])) model.task = operation["x-async-task"];
    const auth = resolveOperationAuth(document, operation);
    if (auth !== undefined) model.auth = auth;
    const responses = isObject(operation.responses) ? operation.responses : {};
    const success = Object.keys(responses)
      .sort()
      .find((status) => /^2\d\d$/.test(status));
    if (success !== undefined) {
      model.successStatus = success;
      const response = responses[success];
      const media = isObject(response) ? firstJsonMedia(response.content) : undefined;
      if (media) {
        model.successSchema = media.media.schema;
        model.successContentType = media.type;
      }
    }
    return model;
  });
}

function parametersOf(
  document: JsonObject,
  pathItem: JsonObject,
  operation: JsonObject,
): ParameterModel[] {
  const byKey = new Map<string, ParameterModel>();
  for (const list of [pathItem.parameters, operation.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const parameter = resolveAny(raw, document);
      if (!parameter || typeof parameter.name !== "string") continue;
      const where = parameter.in;
      if (where !== "path" && where !== "query" && where !== "header" && where !== "cookie")
        continue;
      const model: ParameterModel = {
        name: parameter.name,
        in: where,
        required: where === "path" || parameter.required === true,
      };
      if (parameter.schema !== undefined) model.schema = parameter.schema;
      byKey.set(`${where} ${parameter.name}`, model);
    }
  }
  return [...byKey.values()];
}

/** Follows `$ref`s to any component (parameters live in `components.parameters`). */
function resolveAny(value: unknown, document: JsonObject): JsonObject | undefined {
  let current = value;
  for (let hops = 0; isObject(current) && typeof current.$ref === "string" && hops < 16; hops++)
    current = resolvePointer(document, current.$ref);
  return isObject(current) ? current : undefined;
}

function firstJsonMedia(content: unknown): { type: string; media: JsonObject } | undefined {
  if (!isObject(content)) return undefined;
  for (const [type, media] of Object.entries(content)) {
    if (JSON_MEDIA.test(type) && isObject(media)) return { type, media };
  }
  return undefined;
}
