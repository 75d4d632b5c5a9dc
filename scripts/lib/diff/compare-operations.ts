import {
  isObject,
  listOperations,
  resolveSchema,
  type JsonObject,
  type OperationRef,
} from "../openapi-walk.js";
import type { Change, ChangeSink } from "./change.js";
import { compareSchemas, emitChange, type SchemaContext } from "./compare-schemas.js";

/** Paths and operations: added, removed, deprecated; then each surviving operation in depth. */
export function compareOperations(base: JsonObject, head: JsonObject, changes: Change[]): void {
  const before = byKey(listOperations(base));
  const after = byKey(listOperations(head));
  const headPaths = new Set(listOperations(head).map((o) => o.path));
  for (const [key, operation] of before) {
    const context = { method: operation.method.toUpperCase(), path: operation.path, changes };
    const counterpart = after.get(key);
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
      emitChange(context, id, pathGone ? "path removed" : "operation removed", undefined, {});
      continue;
    }
    compareOperation(base, head, operation, counterpart, changes);
  }
  for (const [key, operation] of after) {
    if (!before.has(key))
      emitChange(
        { method: operation.method.toUpperCase(), path: operation.path, changes },
        "endpoint-added",
        "endpoint added",
        undefined,
        {},
      );
  }
}

function compareOperation(
  base: JsonObject,
  head: JsonObject,
  was: OperationRef,
  now: OperationRef,
  changes: Change[],
): void {
  const context = { method: was.method.toUpperCase(), path: was.path, changes };
  const a = was.operation;
  const b = now.operation;
  if (a.deprecated !== true && b.deprecated === true)
    emitChange(context, "endpoint-deprecated", "endpoint deprecated", undefined, {});
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
  compareSecurity(a.security, b.security, context, "api-security");
  compareRequestBodies(base, head, a.requestBody, b.requestBody, context);
  compareResponses(base, head, a.responses, b.responses, context);
}

function compareRequestBodies(
  base: JsonObject,
  head: JsonObject,
  wasBody: unknown,
  nowBody: unknown,
  context: ChangeSink,
): void {
  const was = resolveSchema(wasBody, base);
  const now = resolveSchema(nowBody, head);
  if (!was && !now) return;
  if (!was && now) {
    emitChange(
      context,
      now.required === true ? "added-required-request-body" : "added-optional-request-body",
      "request body added",
      undefined,
      {},
    );
    return;
  }
  if (was && !now) {
    emitChange(context, "request-body-removed", "request body removed", undefined, {});
    return;
  }
  if (was!.required !== true && now!.required === true)
    emitChange(
      context,
      "request-body-became-required",
      "request body became required",
      undefined,
      {},
    );
  if (was!.required === true && now!.required !== true)
    emitChange(
      context,
      "request-body-became-optional",
      "request body became optional",
      undefined,
      {},
    );
  compareContent(
    was!.content,
    now!.content,
    { ...context, direction: "request", base, head },
    "request-body-media-type",
  );
}

function compareResponses(
  base: JsonObject,
  head: JsonObject,
  wasResponses: unknown,
  nowResponses: unknown,
  context: ChangeSink,
): void {
  const was = isObject(wasResponses) ? wasResponses : {};
  const now = isObject(nowResponses) ? nowResponses : {};
  for (const status of Object.keys(was)) {
    const success = /^2/.test(status);
    if (!(status in now)) {
      emitChange(
        context,
        success ? "response-success-status-removed" : "response-non-success-status-removed",
        `response ${status} removed`,
        undefined,
        { before: status },
      );
      continue;
    }
    const a = resolveSchema(was[status], base);
    const b = resolveSchema(now[status], head);
    compareContent(
      a?.content,
      b?.content,
      { ...context, direction: "response", base, head },
      "response-media-type",
      status,
    );
  }
  for (const status of Object.keys(now)) {
    if (status in was) continue;
    emitChange(
      context,
      /^2/.test(status) ? "response-success-status-added" : "response-non-success-status-added",
      `response ${status} added`,
      undefined,
      { after: status },
    );
  }
}

function compareContent(
  wasContent: unknown,
  nowContent: unknown,
  context: SchemaContext,
  mediaRule: string,
  status?: string,
): void {
  const was = isObject(wasContent) ? wasContent : {};
  const now = isObject(nowContent) ? nowContent : {};
  const where = status ? `response ${status}` : "request body";
  for (const type of Object.keys(was)) {
    if (!(type in now)) {
      emitChange(
        context,
        `${mediaRule}-removed`,
        `${where} no longer ${status ? "returns" : "accepts"} ${type}`,
        undefined,
        { before: type },
      );
      continue;
    }
    const a = isObject(was[type]) ? (was[type] as JsonObject).schema : undefined;
    const b = isObject(now[type]) ? (now[type] as JsonObject).schema : undefined;
    if (!status) {
      compareSchemas(context, a, b, "");
      continue;
    }
    // Response changes name their status: "200: `images[].url` removed".
    const found: Change[] = [];
    compareSchemas({ ...context, changes: found }, a, b, "");
    context.changes.push(
      ...found.map((change) => ({ ...change, message: `${status}: ${change.message}` })),
    );
  }
  for (const type of Object.keys(now)) {
    if (!(type in was))
      emitChange(
        context,
        `${mediaRule}-added`,
        `${where} now ${status ? "returns" : "accepts"} ${type}`,
        undefined,
        { after: type },
      );
  }
}

/** Security requirements, compared by scheme name. */
export function compareSecurity(
  was: unknown,
  now: unknown,
  context: ChangeSink,
  rule: "api-security" | "api-global-security",
): void {
  const before = schemeNames(was);
  const after = schemeNames(now);
  for (const name of after)
    if (!before.includes(name))
      emitChange(context, `${rule}-added`, `security requirement ${name} added`, undefined, {
        after: name,
      });
  for (const name of before)
    if (!after.includes(name))
      emitChange(context, `${rule}-removed`, `security requirement ${name} removed`, undefined, {
        before: name,
      });
}

function schemeNames(security: unknown): string[] {
  if (!Array.isArray(security)) return [];
  return [
    ...new Set(security.filter(isObject).flatMap((requirement) => Object.keys(requirement))),
  ].sort();
}

function byKey(operations: OperationRef[]): Map<string, OperationRef> {
  return new Map(operations.map((o) => [`${o.method} ${o.path}`, o]));
}
