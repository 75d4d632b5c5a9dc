import { isObject, listOperations, type JsonObject, type OperationRef } from "../openapi-walk.js";
import type { Change } from "./change.js";
import { compareParameters } from "./compare-parameters.js";
import { compareSecurity } from "./compare-security.js";
import { renamedOperations, slotRenames } from "./match-renamed-paths.js";
import { compareRequestBodies } from "./compare-request-body.js";
import { compareResponses } from "./compare-responses.js";
import { emitChange } from "./emit-change.js";
import { childPointer } from "./schema-view.js";

/** Paths and operations: added, removed, deprecated; then each surviving operation in depth. */
export function compareOperations(base: JsonObject, head: JsonObject, changes: Change[]): void {
  const before = byKey(listOperations(base));
  const after = byKey(listOperations(head));
  const headPaths = new Set(listOperations(head).map((o) => o.path));
  const renamedTo = renamedOperations(before, after);
  for (const [key, operation] of before) {
    const context = { method: operation.method.toUpperCase(), path: operation.path, changes };
    const counterpart = after.get(key);
    const renamed = counterpart ? undefined : renamedTo.get(key);
    if (renamed) {
      emitChange(
        context,
        "api-path-parameter-renamed",
        `path renamed to ${renamed.path}: the same URLs, but typed calls name the path and its parameters`,
        undefined,
        {
          before: operation.path,
          after: renamed.path,
          pointers: { base: pointerOf(operation), head: pointerOf(renamed) },
        },
      );
      compareOperation(
        base,
        head,
        operation,
        renamed,
        changes,
        slotRenames(operation.path, renamed.path),
      );
      continue;
    }
    if (!counterpart) {
      const deprecated = operation.operation.deprecated === true;
      const pathGone = !headPaths.has(operation.path);
      const id = pathGone
        ? deprecated
          ? "api-path-removed-with-deprecation"
          : "api-path-removed-without-deprecation"
        : deprecated
          ? "api-removed-with-deprecation"
          : "api-removed-without-deprecation";
      emitChange(context, id, pathGone ? "path removed" : "operation removed", undefined, {
        pointers: { base: pointerOf(operation) },
      });
      continue;
    }
    compareOperation(base, head, operation, counterpart, changes);
  }
  const renamedHeads = new Set([...renamedTo.values()]);
  for (const [key, operation] of after) {
    if (!before.has(key) && !renamedHeads.has(operation))
      emitChange(
        { method: operation.method.toUpperCase(), path: operation.path, changes },
        "endpoint-added",
        "endpoint added",
        undefined,
        { pointers: { head: pointerOf(operation) } },
      );
  }
}

function compareOperation(
  base: JsonObject,
  head: JsonObject,
  was: OperationRef,
  now: OperationRef,
  changes: Change[],
  pathRenames: ReadonlyMap<string, string> = new Map(),
): void {
  const context = { method: was.method.toUpperCase(), path: was.path, changes };
  const a = was.operation;
  const b = now.operation;
  if (a.deprecated !== true && b.deprecated === true)
    emitChange(context, "endpoint-deprecated", "endpoint deprecated", undefined, {});
  if (a.deprecated === true && b.deprecated !== true)
    emitChange(context, "endpoint-reactivated", "endpoint no longer deprecated", undefined, {});
  if (a.operationId !== b.operationId) {
    // Generated names hang off the operationId, so the TypeScript surface diff shows the effect.
    if (a.operationId !== undefined)
      emitChange(
        context,
        "api-operation-id-removed",
        `operationId ${String(a.operationId)} -> ${String(b.operationId ?? "none")}`,
        undefined,
        { before: a.operationId, after: b.operationId },
      );
    else
      emitChange(
        context,
        "api-operation-id-added",
        `operationId set to ${String(b.operationId)}`,
        undefined,
        { after: b.operationId },
      );
  }
  compareSecurity(a.security, b.security, context, "api-security", {
    base: `${pointerOf(was)}/security`,
    head: `${pointerOf(now)}/security`,
  });
  compareParameters(
    { ...context, direction: "request", base, head },
    { pathItem: pathItemOf(base, was), operation: a, at: pointerOf(was) },
    { pathItem: pathItemOf(head, now), operation: b, at: pointerOf(now) },
    pathRenames,
  );
  const at = { base: pointerOf(was), head: pointerOf(now) };
  compareRequestBodies(base, head, a.requestBody, b.requestBody, { ...context, at });
  compareResponses(base, head, a.responses, b.responses, { ...context, at });
}

function pointerOf(operation: OperationRef): string {
  return childPointer("#", ...operation.at);
}

function pathItemOf(document: JsonObject, operation: OperationRef): JsonObject {
  const paths = isObject(document.paths) ? document.paths : {};
  const item = paths[operation.path];
  return isObject(item) ? item : {};
}

function byKey(operations: OperationRef[]): Map<string, OperationRef> {
  return new Map(operations.map((o) => [`${o.method} ${o.path}`, o]));
}
