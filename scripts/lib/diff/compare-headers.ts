import { isObject, resolveSchema, type JsonObject } from "../openapi-walk.js";
import type { ChangeSink } from "./change.js";
import { typeLabel } from "./compare-schemas.js";
import { typeAdmitsAll } from "./type-widening.js";
import { emitChange } from "./emit-change.js";
import { childPointer, viewSchema } from "./schema-view.js";

interface Header {
  name: string;
  required: boolean;
  schema: unknown;
  pointer: string;
}

/**
 * The headers of one response, matched by name without case (HTTP reads them so). A caller that
 * reads a header feels it vanish, turn optional, change type or become nullable; rule ids and
 * levels are oasdiff's. `Content-Type` is ignored, as OpenAPI says: the media type states it.
 */
export function compareResponseHeaders(
  context: ChangeSink & { base: JsonObject; head: JsonObject },
  was: JsonObject | undefined,
  now: JsonObject | undefined,
  status: string,
  at: { base: string; head: string },
): void {
  const before = headersOf(was, context.base, at.base);
  const after = headersOf(now, context.head, at.head);
  const emit = (id: string, message: string, values: object) =>
    emitChange(context, id, `${status}: ${message}`, undefined, values);
  for (const [key, header] of before) {
    const label = `response header \`${header.name}\``;
    const counterpart = after.get(key);
    if (!counterpart) {
      emit(
        header.required ? "required-response-header-removed" : "optional-response-header-removed",
        `${label} removed`,
        { before: header.name, pointers: { base: header.pointer, head: at.head } },
      );
      continue;
    }
    const pointers = { base: header.pointer, head: counterpart.pointer };
    if (header.required && !counterpart.required)
      emit("response-header-became-optional", `${label} became optional`, { pointers });
    const a = viewSchema(header.schema, context.base, childPointer(header.pointer, "schema"));
    const b = viewSchema(
      counterpart.schema,
      context.head,
      childPointer(counterpart.pointer, "schema"),
    );
    if (!a || !b) continue;
    const [typeA, typeB] = [typeLabel(a.schema), typeLabel(b.schema)];
    if (typeA !== typeB && typeA !== "" && typeB !== "") {
      // Only a header that holds fewer values than before is safe: callers parse what they did.
      const specialized = typeAdmitsAll(b.schema, a.schema);
      emit(
        specialized ? "response-header-type-specialized" : "response-header-type-changed",
        `${label} type changed from ${typeA} to ${typeB}`,
        { before: typeA, after: typeB, pointers },
      );
    }
    if (a.nullable !== b.nullable)
      emit(
        b.nullable ? "response-header-became-nullable" : "response-header-became-not-nullable",
        `${label} ${b.nullable ? "may now be null" : "may no longer be null"}`,
        { before: a.nullable, after: b.nullable, pointers },
      );
  }
  for (const [key, header] of after)
    if (!before.has(key))
      emit("response-header-added", `response header \`${header.name}\` added`, {
        after: header.name,
        pointers: { base: at.base, head: header.pointer },
      });
}

function headersOf(
  response: JsonObject | undefined,
  document: JsonObject,
  at: string,
): Map<string, Header> {
  const found = new Map<string, Header>();
  const headers = response && isObject(response.headers) ? response.headers : {};
  for (const [name, entry] of Object.entries(headers)) {
    if (name.toLowerCase() === "content-type") continue;
    const header = resolveSchema(entry, document);
    if (!header) continue;
    const written = isObject(entry) && typeof entry.$ref === "string" ? entry.$ref : undefined;
    found.set(name.toLowerCase(), {
      name,
      required: header.required === true,
      schema: header.schema ?? firstContentSchema(header.content),
      pointer: written ?? childPointer(at, "headers", name),
    });
  }
  return found;
}

function firstContentSchema(content: unknown): unknown {
  if (!isObject(content)) return undefined;
  const first = Object.values(content)[0];
  return isObject(first) ? first.schema : undefined;
}
