import {
  isObject,
  listOperations,
  resolveSchema,
  type JsonObject,
  type OperationRef,
} from "../openapi-walk.js";
import type { Change, ChangeSink } from "./change.js";
import { compareParameters } from "./compare-parameters.js";
import { compareResponseHeaders } from "./compare-headers.js";
import { compareSecurity } from "./compare-security.js";
import { renamedOperations, slotRenames } from "./match-renamed-paths.js";
import { compareSchemas, type SchemaContext } from "./compare-schemas.js";
import { emitChange } from "./emit-change.js";
import { isUnchangedComponent } from "./unchanged-components.js";
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

/** The same `components/responses` or `requestBodies` entry, unchanged on both sides. */
function sameUnchangedRef(was: unknown, now: unknown, base: JsonObject, head: JsonObject): boolean {
  return (
    isObject(was) &&
    isObject(now) &&
    typeof was.$ref === "string" &&
    was.$ref === now.$ref &&
    isUnchangedComponent(was.$ref, base, head)
  );
}

/**
 * Where a request body or response is written: the component its `$ref` names (the line
 * that states the change, in its own file for a multi-file spec), else where it is used.
 */
function placeOf(value: unknown, used: string): string {
  return isObject(value) && typeof value.$ref === "string" && value.$ref.startsWith("#/")
    ? value.$ref
    : used;
}

function pointerOf(operation: OperationRef): string {
  return childPointer("#", ...operation.at);
}

function pathItemOf(document: JsonObject, operation: OperationRef): JsonObject {
  const paths = isObject(document.paths) ? document.paths : {};
  const item = paths[operation.path];
  return isObject(item) ? item : {};
}

interface OperationSink extends ChangeSink {
  at: { base: string; head: string };
}

function compareRequestBodies(
  base: JsonObject,
  head: JsonObject,
  wasBody: unknown,
  nowBody: unknown,
  context: OperationSink,
): void {
  if (sameUnchangedRef(wasBody, nowBody, base, head)) return;
  const was = resolveSchema(wasBody, base);
  const now = resolveSchema(nowBody, head);
  const pointers = {
    base: placeOf(wasBody, childPointer(context.at.base, "requestBody")),
    head: placeOf(nowBody, childPointer(context.at.head, "requestBody")),
  };
  if (!was && !now) return;
  if (!was && now) {
    emitChange(
      context,
      now.required === true ? "added-required-request-body" : "added-optional-request-body",
      "request body added",
      undefined,
      { pointers: { base: context.at.base, head: pointers.head } },
    );
    return;
  }
  if (was && !now) {
    emitChange(context, "request-body-removed", "request body removed", undefined, {
      pointers: { base: pointers.base, head: context.at.head },
    });
    return;
  }
  if (was!.required !== true && now!.required === true)
    emitChange(context, "request-body-became-required", "request body became required", undefined, {
      pointers,
    });
  if (was!.required === true && now!.required !== true)
    emitChange(context, "request-body-became-optional", "request body became optional", undefined, {
      pointers,
    });
  compareContent(
    was!.content,
    now!.content,
    { ...context, direction: "request", base, head, part: "request body" },
    "request-body-media-type",
    { base: childPointer(pointers.base, "content"), head: childPointer(pointers.head, "content") },
  );
}

function compareResponses(
  base: JsonObject,
  head: JsonObject,
  wasResponses: unknown,
  nowResponses: unknown,
  context: OperationSink,
): void {
  const was = isObject(wasResponses) ? wasResponses : {};
  const now = isObject(nowResponses) ? nowResponses : {};
  const at = (side: "base" | "head", status: string) =>
    childPointer(context.at[side], "responses", status);
  for (const status of Object.keys(was)) {
    const success = /^2/.test(status);
    if (!(status in now)) {
      emitChange(
        context,
        success ? "response-success-status-removed" : "response-non-success-status-removed",
        `response ${status} removed`,
        undefined,
        {
          before: status,
          pointers: { base: at("base", status), head: childPointer(context.at.head, "responses") },
        },
      );
      continue;
    }
    compareBodies(status, status, status);
  }
  for (const status of Object.keys(now)) {
    if (status in was) continue;
    emitChange(
      context,
      /^2/.test(status) ? "response-success-status-added" : "response-non-success-status-added",
      `response ${status} added`,
      undefined,
      {
        after: status,
        pointers: { base: childPointer(context.at.base, "responses"), head: at("head", status) },
      },
    );
  }
  // One success status replaced by another (201 -> 200): callers read the new body where
  // they read the old one, so a shape change behind the status change is reported too.
  const gone = Object.keys(was).filter((status) => /^2/.test(status) && !(status in now));
  const came = Object.keys(now).filter((status) => /^2/.test(status) && !(status in was));
  if (gone.length === 1 && came.length === 1)
    compareBodies(gone[0]!, came[0]!, `${gone[0]} -> ${came[0]}`);

  function compareBodies(before: string, after: string, label: string): void {
    if (sameUnchangedRef(was[before], now[after], base, head)) return;
    const a = resolveSchema(was[before], base);
    const b = resolveSchema(now[after], head);
    compareResponseHeaders({ ...context, base, head }, a, b, label, {
      base: placeOf(was[before], at("base", before)),
      head: placeOf(now[after], at("head", after)),
    });
    compareContent(
      a?.content,
      b?.content,
      { ...context, direction: "response", base, head, part: `response ${label}` },
      "response-media-type",
      {
        base: childPointer(placeOf(was[before], at("base", before)), "content"),
        head: childPointer(placeOf(now[after], at("head", after)), "content"),
      },
      label,
    );
  }
}

function compareContent(
  wasContent: unknown,
  nowContent: unknown,
  context: SchemaContext,
  mediaRule: string,
  at: { base: string; head: string },
  status?: string,
): void {
  const was = isObject(wasContent) ? wasContent : {};
  const now = isObject(nowContent) ? nowContent : {};
  const where = status ? `response ${status}` : "request body";
  for (const type of Object.keys(was)) {
    // A request type now accepted through a wildcard (`application/*`, `*/*`) is still accepted.
    const match = type in now ? type : status ? undefined : wildcardFor(type, Object.keys(now));
    if (match === undefined) {
      emitChange(
        context,
        `${mediaRule}-removed`,
        `${where} no longer ${status ? "returns" : "accepts"} ${type}`,
        undefined,
        { before: type, pointers: { base: childPointer(at.base, type), head: at.head } },
      );
      continue;
    }
    const a = isObject(was[type]) ? (was[type] as JsonObject).schema : undefined;
    const b = isObject(now[match]) ? (now[match] as JsonObject).schema : undefined;
    const site = {
      base: childPointer(at.base, type, "schema"),
      head: childPointer(at.head, match, "schema"),
    };
    if ((a === undefined) !== (b === undefined)) {
      // No schema accepts (or promises) anything: one appearing constrains a request, one
      // vanishing leaves a response's callers with nothing to read it by.
      const side = status ? "response-body" : "request-body";
      emitChange(
        context,
        `${side}-media-type-schema-${a === undefined ? "added" : "removed"}`,
        `${where} ${type} ${a === undefined ? "now has a schema" : "no longer has a schema"}`,
        undefined,
        { pointers: site },
      );
      continue;
    }
    if (!status) {
      compareSchemas(context, a, b, "", site);
      continue;
    }
    // Response changes name their status: "200: `images[].url` removed". The change objects
    // are kept (not copied): shared-component marks hang off them.
    const found: Change[] = [];
    compareSchemas({ ...context, changes: found }, a, b, "", site);
    for (const change of found) change.message = `${status}: ${change.message}`;
    context.changes.push(...found);
  }
  for (const type of Object.keys(now)) {
    if (!(type in was))
      emitChange(
        context,
        `${mediaRule}-added`,
        `${where} now ${status ? "returns" : "accepts"} ${type}`,
        undefined,
        { after: type, pointers: { base: at.base, head: childPointer(at.head, type) } },
      );
  }
}

/** The head's wildcard media type that covers `type`, if any (`image/png` -> `image/*`). */
function wildcardFor(type: string, candidates: string[]): string | undefined {
  const bare = (media: string) => media.split(";")[0]!.trim().toLowerCase();
  const major = bare(type).split("/")[0];
  return candidates.find((c) => bare(c) === "*/*" || bare(c) === `${major}/*`);
}

function byKey(operations: OperationRef[]): Map<string, OperationRef> {
  return new Map(operations.map((o) => [`${o.method} ${o.path}`, o]));
}
