import type { Level } from "./change.js";
import { bothLocations, type Rule } from "./rule.js";

/** Request and response properties: added, removed, required, readOnly / writeOnly. */
export const PROPERTY_RULES: Record<string, Rule> = {
  // A default does not lower these (oasdiff's `…-with-default` variants are info): a server that
  // validates `required` rejects callers who omit the property, default or not.
  "new-required-request-property": { level: "breaking" },
  "new-optional-request-property": { level: "info" },
  "request-property-removed": { level: "warning" },
  "request-property-became-required": { level: "breaking" },
  "request-property-became-optional": { level: "info" },
  "response-required-property-removed": { level: "breaking" },
  "response-optional-property-removed": { level: "warning" },
  "response-required-property-added": { level: "info" },
  "response-optional-property-added": { level: "info" },
  "response-property-became-optional": { level: "breaking" },
  "response-property-became-required": { level: "info" },
  // readOnly / writeOnly flips (compare-properties.ts). Two are breaking here, info in oasdiff:
  // callers must now send a required property they were told to leave out, and a required
  // property they read no longer arrives.
  "request-required-property-became-not-read-only": { level: "breaking" },
  "request-optional-property-became-not-read-only": { level: "info" },
  "request-required-property-became-read-only": { level: "info" },
  "request-optional-property-became-read-only": { level: "info" },
  "response-required-property-became-write-only": { level: "breaking" },
  "response-optional-property-became-write-only": { level: "info" },
  "response-required-property-became-not-write-only": { level: "warning" },
  "response-optional-property-became-not-write-only": { level: "info" },
};

/** Schema keywords at the body root and below, in both directions. */
export const SCHEMA_RULES: Record<string, Rule> = {
  ...bothLocations("request", {
    "type-changed": "breaking",
    "type-generalized": "info",
    "became-enum": "breaking",
    "enum-removed": "breaking",
    "constraint-dropped": "warning",
    "enum-value-removed": "breaking",
    "enum-value-added": "info",
    "max-decreased": "breaking",
    "max-increased": "info",
    "max-set": "warning",
    "min-increased": "breaking",
    "min-decreased": "info",
    "min-set": "warning",
    "max-length-decreased": "breaking",
    "max-length-increased": "info",
    "max-length-set": "warning",
    "min-length-increased": "breaking",
    "min-length-decreased": "info",
    "min-items-increased": "breaking",
    "min-items-set": "warning",
    "max-items-decreased": "breaking",
    "max-items-increased": "info",
    "max-items-set": "warning",
    "became-not-nullable": "breaking",
    "became-nullable": "info",
    "default-value-added": "info",
    "default-value-removed": "info",
    "default-value-changed": "info",
    "one-of-added": "info",
    "one-of-removed": "breaking",
    "any-of-added": "info",
    "any-of-removed": "breaking",
    "x-extensible-enum-value-removed": "breaking",
    "pattern-added": "breaking",
    "pattern-changed": "warning",
    "pattern-removed": "info",
    "exclusive-max-decreased": "breaking",
    "exclusive-max-increased": "info",
    "exclusive-max-set": "warning",
    "exclusive-min-increased": "breaking",
    "exclusive-min-decreased": "info",
    "exclusive-min-set": "warning",
    "const-changed": "breaking",
  }),
  ...bothLocations("response", {
    "type-changed": "breaking",
    "enum-removed": "breaking",
    "constraint-dropped": "warning",
    "enum-value-added": "warning",
    "enum-value-removed": "info",
    "max-increased": "breaking",
    "min-decreased": "breaking",
    "max-length-increased": "breaking",
    "max-length-unset": "breaking",
    "min-length-decreased": "breaking",
    "min-items-decreased": "breaking",
    "min-items-unset": "breaking",
    "became-nullable": "breaking",
    "default-value-added": "info",
    "default-value-removed": "info",
    "default-value-changed": "info",
    "one-of-added": "breaking",
    "one-of-removed": "info",
    "any-of-added": "breaking",
    "any-of-removed": "info",
    "pattern-added": "info",
    "pattern-changed": "info",
    "pattern-removed": "info",
    "exclusive-max-increased": "breaking",
    "exclusive-min-decreased": "breaking",
    "const-changed": "breaking",
  }),
  // Discriminators (compare-discriminator.ts): oasdiff's ids; oasdiff rates them all info.
  ...bothLocations("request", {
    "discriminator-added": "info",
    "discriminator-removed": "info",
    "discriminator-mapping-added": "info",
    // The value no longer names a schema: a validator falls back to component names, if any.
    "discriminator-mapping-deleted": "warning",
    "discriminator-mapping-changed": "breaking",
    "discriminator-property-name-changed": "breaking",
  }),
  ...bothLocations("response", {
    "discriminator-added": "info",
    "discriminator-removed": "info",
    "discriminator-mapping-added": "info",
    "discriminator-mapping-deleted": "info",
    "discriminator-mapping-changed": "breaking",
    "discriminator-property-name-changed": "breaking",
  }),
  // JSON Schema 2020-12 keywords (compare-json-schema-keywords.ts), at oasdiff's levels.
  ...bothLocations("request", jsonSchemaKeywordRules("added", "removed")),
  ...bothLocations("response", jsonSchemaKeywordRules("removed", "added")),
  // Ours: a closed request object rejects fields callers may send; opening either side is info.
  ...bothLocations(
    "request",
    { "additional-properties-closed": "warning", "additional-properties-opened": "info" },
    true,
  ),
  ...bothLocations(
    "response",
    { "additional-properties-closed": "info", "additional-properties-opened": "info" },
    true,
  ),
  // Ours: fewer required items in a request is a widening oasdiff checks only on parameters.
  ...bothLocations("request", { "min-items-decreased": "info", "min-length-set": "warning" }, true),
};

/** Ours, spread after the parameter rules: they override some of the above for responses. */
export const RESPONSE_NARROWING_RULES: Record<string, Rule> = {
  // Ours: narrowing what a response may hold is safe for callers, but still worth seeing;
  // a response array that may now hold more items than before is not.
  ...bothLocations(
    "response",
    {
      "max-decreased": "info",
      "min-increased": "info",
      "max-length-decreased": "info",
      "min-length-increased": "info",
      "max-items-decreased": "info",
      "min-items-increased": "info",
      "max-items-increased": "breaking",
      "became-not-nullable": "info",
      "type-specialized": "info",
      "exclusive-max-decreased": "info",
      "exclusive-min-increased": "info",
    },
    true,
  ),
};

/**
 * A constraint `breaks` when added to a request or removed from a response; prefixItems the other
 * way round (oasdiff's levels); the contains bounds break when they narrow a request or widen a
 * response.
 */
function jsonSchemaKeywordRules(
  breaks: "added" | "removed",
  safe: "added" | "removed",
): Record<string, Level> {
  const rules: Record<string, Level> = {};
  for (const name of [
    "if",
    "then",
    "else",
    "contains",
    "property-names",
    "unevaluated-items",
    "unevaluated-properties",
    "content-schema",
    "dependent-required",
    "dependent-schema",
    "pattern-property",
  ]) {
    rules[`${name}-${breaks}`] = "breaking";
    rules[`${name}-${safe}`] = "info";
  }
  for (const name of ["dependent-required", "content-media-type", "content-encoding"])
    rules[`${name}-changed`] = "breaking";
  rules[`prefix-items-${safe}`] = "breaking";
  rules[`prefix-items-${breaks}`] = "info";
  const request = breaks === "added";
  rules["max-contains-decreased"] = request ? "breaking" : "info";
  rules["max-contains-increased"] = request ? "info" : "breaking";
  rules["min-contains-increased"] = request ? "breaking" : "info";
  rules["min-contains-decreased"] = request ? "info" : "breaking";
  return rules;
}
