import type { Diagnostics } from "../diagnostics.js";
import { toPointer } from "../json-pointer.js";
import { isObject, type JsonObject } from "../openapi-walk.js";

/**
 * Removes apifox's editor metadata (`x-apifox-*`, `x-run-in-apifox`): it describes the
 * vendor's tooling, not the API, and would otherwise churn the normalized contract.
 * Runs after `convertApifoxEnums`, which takes what is worth keeping.
 */
export function stripApifoxExtensions(document: JsonObject, diagnostics: Diagnostics): void {
  const visit = (node: unknown, at: (string | number)[]): void => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, [...at, index]));
      return;
    }
    if (!isObject(node)) return;
    for (const key of Object.keys(node)) {
      if (isApifoxKey(key)) {
        delete node[key];
        diagnostics.info("apifox-extension", `removed apifox editor metadata "${key}"`, {
          pointer: toPointer([...at, key]),
        });
      } else {
        visit(node[key], [...at, key]);
      }
    }
  };
  visit(document, []);
}

function isApifoxKey(key: string): boolean {
  return key.startsWith("x-apifox") || key === "x-run-in-apifox";
}
