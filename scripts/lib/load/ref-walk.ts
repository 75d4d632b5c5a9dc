import { isObject, type JsonObject } from "../openapi-walk.js";

/** Keys whose values are literal data: a `$ref` inside them is a value, not a reference. */
const DATA_KEYS = new Set(["example", "default", "enum", "const"]);

/** What a visitor may answer: nothing (go on inside), skip the children, or replace the node. */
export type RefVisit = void | "skip" | { replaceWith: unknown };

/**
 * Calls `visit` for every object whose `$ref` is a reference, then goes on into its other keys.
 * Skips what is data, not schema: examples (a SCIM example holds `"$ref": "https://..."`),
 * defaults, enums and `const`. Extensions are followed: tools resolve `$ref`s in them too
 * (DigitalOcean's `x-codeSamples` are files). A discriminator mapping value that names a file or
 * pointer is visited as `{ $ref }`, and whatever `visit` leaves in that `$ref` is written back.
 */
export function forEachRef(
  root: unknown,
  at: (string | number)[],
  visit: (node: JsonObject, at: (string | number)[]) => RefVisit,
): void {
  const enter = (
    holder: JsonObject | unknown[],
    key: string | number,
    path: (string | number)[],
  ) => {
    const node = (holder as Record<string | number, unknown>)[key];
    if (isObject(node) && typeof node.$ref === "string") {
      const answer = visit(node, path);
      if (answer === "skip") return;
      if (answer && typeof answer === "object") {
        (holder as Record<string | number, unknown>)[key] = answer.replaceWith;
        return;
      }
    }
    children(node, path);
  };
  const children = (node: unknown, path: (string | number)[]): void => {
    if (Array.isArray(node)) {
      node.forEach((_, i) => enter(node, i, [...path, i]));
      return;
    }
    if (!isObject(node)) return;
    if (isObject(node.discriminator) && isObject(node.discriminator.mapping)) {
      const mapping = node.discriminator.mapping;
      for (const [name, target] of Object.entries(mapping)) {
        if (typeof target !== "string" || !/[#/]|\.(ya?ml|json)$/i.test(target)) continue;
        const holder: JsonObject = { $ref: target };
        visit(holder, [...path, "discriminator", "mapping", name]);
        mapping[name] = holder.$ref;
      }
    }
    const inExamples = path[path.length - 2] === "examples";
    for (const [key, child] of Object.entries(node)) {
      if (key === "$ref") continue;
      // `responses.default` is a response; `default` anywhere else is a schema's default value.
      if (DATA_KEYS.has(key) && !(key === "default" && path[path.length - 1] === "responses"))
        continue;
      // `examples`: a list of values (schemas, 3.1) is data; a map of Example Objects is not,
      // but each one's `value` is.
      if (key === "examples" && Array.isArray(child)) continue;
      if (key === "value" && inExamples) continue;
      enter(node, key, [...path, key]);
    }
  };
  // The root itself is never replaced: a document is not a reference.
  if (isObject(root) && typeof root.$ref === "string") {
    const answer = visit(root, at);
    if (answer === "skip" || (answer && typeof answer === "object")) return;
  }
  children(root, at);
}
