import type { Diagnostics } from "../diagnostics.js";
import { resolvePointer, toPointer } from "../json-pointer.js";
import { isObject, listOperations, type JsonObject, type OperationRef } from "../openapi-walk.js";
import { taskOverlayText, type TaskGuess } from "./task-overlay-text.js";

const TASK_ID = /^(task_?id|taskid)$/i;
const STATUS = /^(task_?status|status|state)$/i;
const RESULT = /^(task_?result|result|output)$/i;

/**
 * An operation that answers with a task id (`task_id`, at the top of its answer or one object
 * down, as `data.task_id`) but declares no `x-async-task` cannot be run: `run()` would not know
 * how to follow the task. Said as a warning at the operation, with the overlay to add printed in
 * full: the poll route too when the spec has none (a vendor page often documents only the
 * submit), and the `x-async-task` that ties them together.
 */
export function findUnfollowedTasks(document: JsonObject, diagnostics: Diagnostics): void {
  const operations = listOperations(document);
  for (const ref of operations) {
    const { operation, method, path, at } = ref;
    if (operation["x-async-task"] !== undefined || operation["x-fal-queue"] !== undefined) continue;
    // A submit takes no id itself: operations with path parameters are polls and cancels.
    if (method === "get" || path.includes("{")) continue;
    const found = taskIdIn(document, successSchema(document, operation));
    if (!found) continue;
    const poll = findPoll(document, operations, ref, found.key);
    const guess: TaskGuess = { method, path, ...found, ...(poll ? { poll } : {}) };
    diagnostics.warn(
      "task-without-protocol",
      poll
        ? `answers a task id at ${found.id} and ${poll.label} can poll it, but no x-async-task says so, so run() cannot follow it. Add this overlay (check the status values against the vendor's docs):\n\n${taskOverlayText(guess)}`
        : `answers a task id at ${found.id}, and no operation of the spec polls it, so run() cannot follow it. Add the poll route and x-async-task in an overlay like this one (check the route and the status values against the vendor's docs):\n\n${taskOverlayText(guess)}`,
      { pointer: toPointer(at) },
    );
  }
}

/** The first 2xx JSON response schema, `$ref`s followed. */
function successSchema(document: JsonObject, operation: JsonObject): JsonObject | undefined {
  const responses = isObject(operation.responses) ? operation.responses : {};
  const status = Object.keys(responses)
    .sort()
    .find((code) => /^2\d\d$/.test(code));
  const response = status === undefined ? undefined : deref(document, responses[status]);
  const content = response && isObject(response.content) ? response.content : {};
  const media = Object.entries(content).find(([type]) => /json/i.test(type))?.[1];
  return isObject(media) ? deref(document, media.schema) : undefined;
}

/** Where the task id (and a status beside it) stands: at the top, or in one nested object. */
type FoundId = { key: string; id: string; status?: string; container: string[] };

function taskIdIn(document: JsonObject, schema: JsonObject | undefined): FoundId | undefined {
  const visit = (
    node: JsonObject | undefined,
    container: string[],
    depth: number,
  ): FoundId | undefined => {
    const properties = node && isObject(node.properties) ? node.properties : {};
    const key = Object.keys(properties).find((name) => TASK_ID.test(name));
    if (key !== undefined) {
      const status = Object.keys(properties).find((name) => STATUS.test(name));
      const pointer = (name: string) => `/${[...container, name].join("/")}`;
      return { key, id: pointer(key), container, ...(status ? { status: pointer(status) } : {}) };
    }
    if (depth > 0) return undefined;
    for (const [name, child] of Object.entries(properties)) {
      if (name.includes("/") || name.includes("~")) continue;
      const found = visit(deref(document, child), [...container, name], depth + 1);
      if (found) return found;
    }
    return undefined;
  };
  return visit(schema, [], 0);
}

/** Another operation taking the id: one with a path parameter of that name, or under the path. */
function findPoll(
  document: JsonObject,
  operations: OperationRef[],
  submit: OperationRef,
  key: string,
): TaskGuess["poll"] | undefined {
  for (const { method, path, operation } of operations) {
    if (method !== "get" || path === submit.path) continue;
    const parameter = /\{([^}]+)\}/.exec(path)?.[1];
    if (parameter === key || (parameter && path.startsWith(`${submit.path}/{`)))
      return { label: `GET ${path}`, parameter, ...pollFields(document, operation) };
  }
  return undefined;
}

/** Where the poll's own answer holds the status and the result, when it names them plainly. */
function pollFields(
  document: JsonObject,
  operation: JsonObject,
): { status?: string; result?: string } {
  const schema = successSchema(document, operation);
  const properties = schema && isObject(schema.properties) ? Object.keys(schema.properties) : [];
  const status = properties.find((name) => STATUS.test(name));
  const result = properties.find((name) => RESULT.test(name));
  return {
    ...(status && !status.includes("/") ? { status: `/${status}` } : {}),
    ...(result && !result.includes("/") ? { result: `/${result}` } : {}),
  };
}

function deref(document: JsonObject, value: unknown): JsonObject | undefined {
  let current = value;
  for (let hops = 0; isObject(current) && typeof current.$ref === "string" && hops < 16; hops++)
    current = resolvePointer(document, current.$ref);
  return isObject(current) ? current : undefined;
}
