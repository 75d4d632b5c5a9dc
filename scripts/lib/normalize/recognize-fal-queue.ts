import type { Diagnostics } from "../diagnostics.js";
import { toPointer } from "../json-pointer.js";
import { isObject, type JsonObject } from "../openapi-walk.js";

/**
 * fal publishes one OpenAPI document per model, and it spells the queue out as four paths:
 *   POST {model}                                  submit (answers the queue status)
 *   GET  {model}/requests/{request_id}/status     status
 *   GET  {model}/requests/{request_id}            the result: the model's real output
 *   PUT  {model}/requests/{request_id}/cancel     cancel
 * The client speaks that protocol itself, so the document is read as one queue operation: the
 * submit gets `x-fal-queue.result` pointing at the result's schema (its typed output), and the
 * three request paths fold away. Anything that does not match the layout is left alone.
 */
export function recognizeFalQueue(document: JsonObject, diagnostics: Diagnostics): void {
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item) || !isObject(item.post) || isObject(item.post["x-fal-queue"])) continue;
    const requests = `${path.replace(/\/+$/, "")}/requests/{request_id}`;
    const resultItem = paths[requests];
    const statusItem = paths[`${requests}/status`];
    if (!isObject(resultItem) || !isObject(resultItem.get) || !isObject(statusItem)) continue;
    const resultSchema = jsonSchemaOf(resultItem.get);
    if (!resultSchema) continue;
    item.post["x-fal-queue"] = { result: componentFor(document, resultSchema, path) };
    const folded = [requests, `${requests}/status`, `${requests}/cancel`].filter((p) => p in paths);
    for (const p of folded) delete paths[p];
    diagnostics.info(
      "fal-queue",
      `read as fal's queue: POST ${path} submits, its result is ${String((item.post["x-fal-queue"] as JsonObject).result)}; ${folded.length} request path(s) folded into the queue protocol`,
      { pointer: toPointer(["paths", path, "post"]) },
    );
  }
}

function jsonSchemaOf(operation: JsonObject): JsonObject | undefined {
  const responses = isObject(operation.responses) ? operation.responses : {};
  const ok = responses["200"];
  const content = isObject(ok) && isObject(ok.content) ? ok.content : {};
  const media = content["application/json"];
  return isObject(media) && isObject(media.schema) ? media.schema : undefined;
}

/** The result as a component pointer: its own `$ref`, or the inline schema given a name. */
function componentFor(document: JsonObject, schema: JsonObject, path: string): string {
  if (typeof schema.$ref === "string" && schema.$ref.startsWith("#/components/schemas/"))
    return schema.$ref;
  const components = (document.components = isObject(document.components)
    ? document.components
    : {});
  const schemas = (components.schemas = isObject(components.schemas) ? components.schemas : {});
  const stem = path
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("");
  let name = `${stem || "Queue"}Result`;
  for (let n = 2; name in schemas; n++) name = `${stem}Result${n}`;
  schemas[name] = schema;
  return `#/components/schemas/${name}`;
}
