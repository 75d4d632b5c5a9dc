import type { Diagnostics } from "../diagnostics.js";
import { toPointer } from "../json-pointer.js";
import { listOperations, type JsonObject } from "../openapi-walk.js";

/**
 * apifox exports carry no `operationId`; generated names hang off it, so every operation
 * gets one derived from its path alone: a regenerated export keeps the same names.
 * POST (how every fal model is called) is unprefixed: `/fal-ai/flux-pro/kontext/max` ->
 * `falAiFluxProKontextMax`; other methods are prefixed: `getFalAiFooRequestsByRequestId`.
 * An overlay may set a curated id; a collision is an error, never a silent rename.
 */
export function assignOperationIds(document: JsonObject, diagnostics: Diagnostics): void {
  const seen = new Map<string, string>();
  for (const { path, method, operation, at } of listOperations(document)) {
    if (typeof operation.operationId !== "string" || operation.operationId.trim() === "") {
      operation.operationId = deriveOperationId(method, path);
      diagnostics.info(
        "missing-operation-id",
        `${method.toUpperCase()} ${path} has no operationId; using "${operation.operationId}"`,
        { pointer: toPointer(at) },
      );
    }
    const id = operation.operationId as string;
    const previous = seen.get(id);
    if (previous !== undefined) {
      diagnostics.error(
        "duplicate-operation-id",
        `operationId "${id}" of ${method.toUpperCase()} ${path} is already used by ${previous}; set distinct ids in an overlay`,
        { pointer: toPointer([...at, "operationId"]) },
      );
    }
    seen.set(id, `${method.toUpperCase()} ${path}`);
  }
}

export function deriveOperationId(method: string, path: string): string {
  const words = path
    .split("/")
    .filter(Boolean)
    .flatMap((segment) => {
      const param = /^\{(.+)\}$/.exec(segment);
      const text = param ? `by ${param[1]}` : segment;
      return text.split(/[^A-Za-z0-9]+/).filter(Boolean);
    });
  if (method !== "post") words.unshift(method);
  if (words.length === 0) words.push(method, "root");
  const [first = "", ...rest] = words;
  const id = first.toLowerCase() + rest.map(capitalize).join("");
  return /^[0-9]/.test(id) ? `op${capitalize(id)}` : id;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}
