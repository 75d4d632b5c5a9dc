import type { Diagnostics } from "../diagnostics.js";
import { resolvePointer, toPointer } from "../json-pointer.js";
import { isObject, type JsonObject } from "../openapi-walk.js";
import { forEachRef } from "./ref-walk.js";

/**
 * Every `$ref` left after bundling and overlays must name something in the document, and a
 * chain of references must reach a real object: `A: {$ref: B}, B: {$ref: A}` describes nothing.
 * (A schema that refers to itself through a property is a recursive type, and fine.) Reported
 * at the `$ref`'s own line, before openapi-typescript would fail on it with a stack trace.
 */
export function checkRefs(document: JsonObject, diagnostics: Diagnostics): void {
  const check = (ref: string, pointer: string): void => {
    if (!ref.startsWith("#")) {
      // The bundler already said why at this `$ref` (a missing file, a refused path): one error.
      if (diagnostics.items.some((d) => d.severity === "error" && d.location.pointer === pointer))
        return;
      diagnostics.error("unresolved-ref", `${ref}: a reference to another file was not bundled`, {
        pointer,
      });
      return;
    }
    const seen = new Set<string>();
    let current = ref;
    for (;;) {
      if (seen.has(current)) {
        diagnostics.error(
          "ref-cycle",
          `${ref}: the references ${[...seen].join(" -> ")} -> ${current} loop without reaching a definition`,
          { pointer },
        );
        return;
      }
      seen.add(current);
      const target = resolvePointer(document, current);
      if (target === undefined) {
        diagnostics.error("unresolved-ref", `${current} does not exist in the document`, {
          pointer,
        });
        return;
      }
      if (!isObject(target) || typeof target.$ref !== "string" || !target.$ref.startsWith("#"))
        return;
      current = target.$ref;
    }
  };

  forEachRef(document, [], (node, at) => check(node.$ref as string, toPointer([...at, "$ref"])));
}
