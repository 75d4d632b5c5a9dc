import { isObject } from "../openapi-walk.js";
import { compareSchemas, type Emit, type SchemaContext } from "./compare-schemas.js";
import { childPointer, type SchemaView } from "./schema-view.js";

/**
 * `additionalProperties`: `false` added to a request rejects callers who send a field the schema
 * does not name (ours, a warning: oasdiff has no rule); a map's value schema is compared in depth,
 * at `location.*`, as any other schema.
 */
export function compareAdditionalProperties(
  context: SchemaContext,
  before: SchemaView,
  after: SchemaView,
  location: string,
  depth: number,
  emit: Emit,
): void {
  const was = before.schema.additionalProperties;
  const now = after.schema.additionalProperties;
  const closed = (value: unknown) => value === false;
  if (closed(was) !== closed(now)) {
    emit(
      `additional-properties-${closed(now) ? "closed" : "opened"}`,
      closed(now)
        ? "no longer accepts properties it does not name"
        : "now accepts properties it does not name",
      { before: was, after: now, keyword: "additionalProperties" },
    );
    return;
  }
  if (isObject(was) && isObject(now))
    compareSchemas(
      context,
      was,
      now,
      location === "" ? "*" : `${location}.*`,
      {
        base: childPointer(before.pointer, "additionalProperties"),
        head: childPointer(after.pointer, "additionalProperties"),
      },
      depth + 1,
      false,
    );
}
