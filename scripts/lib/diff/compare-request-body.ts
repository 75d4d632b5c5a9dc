import { resolveSchema, type JsonObject } from "../openapi-walk.js";
import {
  compareContent,
  placeOf,
  sameUnchangedRef,
  type OperationSink,
} from "./compare-content.js";
import { emitChange } from "./emit-change.js";
import { childPointer } from "./schema-view.js";

/** The request body: added, removed, required or not, then its media types and schemas. */
export function compareRequestBodies(
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
