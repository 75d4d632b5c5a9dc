import type { Diagnostics } from "../diagnostics.js";
import { toPointer } from "../json-pointer.js";
import { isObject, walkSchemas, type JsonObject } from "../openapi-walk.js";

/**
 * apifox keeps its richer enum metadata in `x-apifox-enum: [{value, name, description}]`.
 * It becomes a standard `enum` plus the widely used `x-enum-varnames` / `x-enum-descriptions`
 * side tables, which the emitter turns into per-value docs.
 */
export function convertApifoxEnums(document: JsonObject, diagnostics: Diagnostics): void {
  walkSchemas(document, (schema, at) => {
    const entries = schema["x-apifox-enum"];
    if (!Array.isArray(entries) || entries.length === 0) return;
    const members = entries.filter(isObject).filter((entry) => "value" in entry);
    const values = members.map((entry) => entry.value);
    const pointer = toPointer([...at, "x-apifox-enum"]);
    if (Array.isArray(schema.enum) && !sameMembers(schema.enum, values)) {
      diagnostics.warn(
        "apifox-enum-mismatch",
        `x-apifox-enum lists ${JSON.stringify(values)} but enum is ${JSON.stringify(schema.enum)}; keeping enum`,
        { pointer },
      );
      return;
    }
    schema.enum = values;
    const names = members.map((entry) => (typeof entry.name === "string" ? entry.name.trim() : ""));
    const descriptions = members.map((entry) =>
      typeof entry.description === "string" ? entry.description.trim() : "",
    );
    if (names.some(Boolean)) schema["x-enum-varnames"] = names;
    if (descriptions.some(Boolean)) schema["x-enum-descriptions"] = descriptions;
    diagnostics.warn("apifox-enum", `converted x-apifox-enum to enum ${JSON.stringify(values)}`, {
      pointer,
    });
  });
}

function sameMembers(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((value) => b.includes(value));
}
