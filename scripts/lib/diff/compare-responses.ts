import { isObject, resolveSchema, type JsonObject } from "../openapi-walk.js";
import {
  compareContent,
  placeOf,
  sameUnchangedRef,
  type OperationSink,
} from "./compare-content.js";
import { compareResponseHeaders } from "./compare-headers.js";
import { emitChange } from "./emit-change.js";
import { childPointer } from "./schema-view.js";

/** Responses matched by status: added, removed, then each one's headers and content. */
export function compareResponses(
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
