import type { Diagnostics } from "../diagnostics.js";
import { toPointer } from "../json-pointer.js";
import { isObject, listOperations, type JsonObject } from "../openapi-walk.js";
import { readScheme } from "./resolve-auth.js";

/**
 * Every security scheme must be one the client can send, and every requirement must name a
 * declared scheme: otherwise the client would send the key the wrong way (or not at all) and
 * learn it only from a 401. Each problem is a warning at its pointer; the runtime then falls
 * back to Bearer.
 */
export function checkSecurity(document: JsonObject, diagnostics: Diagnostics): void {
  const schemes =
    isObject(document.components) && isObject(document.components.securitySchemes)
      ? document.components.securitySchemes
      : {};
  for (const [name, definition] of Object.entries(schemes)) {
    const reading = readScheme(definition);
    if ("problem" in reading)
      diagnostics.warn("security-scheme", `security scheme "${name}": ${reading.problem}`, {
        pointer: toPointer(["components", "securitySchemes", name]),
      });
  }
  const places: { security: unknown; at: (string | number)[] }[] = [
    { security: document.security, at: ["security"] },
    ...listOperations(document).map(({ operation, at }) => ({
      security: operation.security,
      at: [...at, "security"],
    })),
  ];
  for (const { security, at } of places) {
    if (security === undefined) continue;
    if (!Array.isArray(security)) {
      diagnostics.warn("security-requirement", "security must be a list of requirements", {
        pointer: toPointer(at),
      });
      continue;
    }
    security.forEach((requirement, index) => {
      if (!isObject(requirement)) return;
      const names = Object.keys(requirement);
      if (names.length > 1)
        diagnostics.warn(
          "security-requirement",
          `security asks for ${names.map((n) => `"${n}"`).join(" and ")} together; the client holds one key and sends it as "${names[0]}" only`,
          { pointer: toPointer([...at, index]) },
        );
      for (const name of names)
        if (!(name in schemes))
          diagnostics.warn(
            "security-requirement",
            `security names "${name}", which components.securitySchemes does not declare`,
            { pointer: toPointer([...at, index]) },
          );
    });
  }
}
