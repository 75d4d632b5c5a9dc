import type { Diagnostics } from "../diagnostics.js";
import { toPointer } from "../json-pointer.js";
import { isObject, listOperations, type JsonObject } from "../openapi-walk.js";

/**
 * `x-async-task` declares a provider's own async protocol as data, on the operation that starts
 * a task (usually in an overlay):
 *
 *   x-async-task:
 *     id: /task_id                      # JSON pointer into the submit's answer
 *     poll: { operation: getTask, params: { path: { task_id: "{id}" } } }
 *     status: /task_status              # pointer into the poll's answer
 *     done: [succeed]
 *     failed: [failed]
 *     result: /task_result              # pointer into the poll's answer (default: all of it)
 *     error: /task_status_msg           # optional: why it failed
 *     cancel: { operation: cancelTask, params: { path: { task_id: "{id}" } } }   # optional
 *
 * Checked here, after operationIds are known: operations named by id or `METHOD /path` are
 * resolved to ids, pointers must be pointers, and every problem is an error at its line.
 */
export function checkAsyncTasks(document: JsonObject, diagnostics: Diagnostics): void {
  const operations = listOperations(document);
  const idOf = (name: unknown): string | undefined =>
    operations.find(
      ({ operation, method, path }) =>
        operation.operationId === name || `${method.toUpperCase()} ${path}` === name,
    )?.operation.operationId as string | undefined;

  for (const { operation, at } of operations) {
    const task = operation["x-async-task"];
    if (task === undefined) continue;
    const where = [...at, "x-async-task"];
    const fail = (message: string, key?: string) => {
      diagnostics.error("async-task", `x-async-task: ${message}`, {
        pointer: toPointer(key ? [...where, key] : where),
      });
    };
    if (!isObject(task)) {
      fail("must be an object");
      continue;
    }
    for (const key of ["id", "status"] as const)
      if (!isPointer(task[key])) fail(`${key} must be a JSON pointer such as "/task_id"`, key);
    for (const key of ["result", "error"] as const)
      if (task[key] !== undefined && !isPointer(task[key]))
        fail(`${key} must be a JSON pointer such as "/task_result"`, key);
    for (const key of ["done", "failed"] as const) {
      const list = task[key];
      if (!Array.isArray(list) || (key === "done" && list.length === 0))
        fail(`${key} must list the status values that mean ${key}`, key);
    }
    for (const key of ["poll", "cancel"] as const) {
      const call = task[key];
      if (call === undefined && key === "cancel") continue;
      if (!isObject(call)) {
        fail(`${key} must name an operation: { operation, params }`, key);
        continue;
      }
      const id = idOf(call.operation);
      if (id === undefined)
        fail(`${key}.operation "${String(call.operation)}" is not an operation of the spec`, key);
      else call.operation = id;
      if (call.params !== undefined && !isObject(call.params))
        fail(`${key}.params must be an object`, key);
    }
  }
}

function isPointer(value: unknown): value is string {
  return typeof value === "string" && (value === "" || value.startsWith("/"));
}
