import { isObject, type JsonObject } from "../openapi-walk.js";
import type { Change, ChangeSink } from "./change.js";
import { compareSchemas, type SchemaContext } from "./compare-schemas.js";
import { emitChange } from "./emit-change.js";
import { childPointer } from "./schema-view.js";
import { isUnchangedComponent } from "./unchanged-components.js";

/** An operation being compared, with its JSON pointer on each side. */
export interface OperationSink extends ChangeSink {
  at: { base: string; head: string };
}

/** The same `components/responses` or `requestBodies` entry, unchanged on both sides. */
export function sameUnchangedRef(
  was: unknown,
  now: unknown,
  base: JsonObject,
  head: JsonObject,
): boolean {
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
export function placeOf(value: unknown, used: string): string {
  return isObject(value) && typeof value.$ref === "string" && value.$ref.startsWith("#/")
    ? value.$ref
    : used;
}

/** Media types matched (a head wildcard covers a removed concrete type), each schema compared. */
export function compareContent(
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
