/**
 * One difference between two contracts, classified by a rule. Rule ids and levels follow
 * oasdiff (ERR -> breaking, WARN -> warning, INFO -> info) wherever oasdiff has the rule;
 * the rules marked `ours` cover what oasdiff does not (see RULES below and the README).
 */
export type Level = "breaking" | "warning" | "info";

export interface Change {
  id: string;
  level: Level;
  /** `POST`, or "" for document-wide changes (servers, security schemes). */
  method: string;
  path: string;
  message: string;
  /** "spec", or "inferred from description" when either side's constraint came from prose. */
  source: string;
  /** Where in the normalized contract, e.g. `num_images` or `images[].url`. */
  location?: string;
  before?: unknown;
  after?: unknown;
  /** JSON pointers into each side's normalized contract. */
  pointers?: { base?: string; head?: string };
  /** Where a reviewer reads it: `file:line` in each side's source, and a link when known. */
  where?: { base?: SourceLine; head?: SourceLine };
  /**
   * For a change inside a component several operations share: the component (e.g.
   * `#/components/schemas/Image`); the change is then listed once, with `operations`.
   */
  component?: string;
  /** The operations a shared component's change reaches (`POST /path`, with the status). */
  operations?: string[];
  /** Every location one operation reaches the same component change at, when more than one. */
  locations?: string[];
}

export interface SourceLine {
  file: string;
  line: number;
  url?: string;
}

/** Where comparators report: the operation being compared (empty for document-wide) and the list. */
export interface ChangeSink {
  method: string;
  path: string;
  changes: Change[];
  /** Where in the operation, for shared components: `response 200`, `request body`. */
  part?: string;
}

export const LEVEL_ORDER: Record<Level, number> = { breaking: 0, warning: 1, info: 2 };

interface Rule {
  level: Level;
  /** Not an oasdiff rule: defined here for what oasdiff does not check. */
  ours?: true;
}

/** Parameters: oasdiff's `request-parameter-…` rules, and ours where it has none. */
const PARAMETER_RULES: Record<string, Rule> = {
  "new-required-request-parameter": { level: "breaking" },
  "new-optional-request-parameter": { level: "info" },
  "new-request-path-parameter": { level: "breaking" },
  "request-parameter-removed": { level: "warning" },
  "request-parameter-removed-with-deprecation": { level: "info" },
  "request-parameter-became-required": { level: "breaking" },
  "request-parameter-became-optional": { level: "info" },
  ...parameterRules({
    "type-changed": "breaking",
    "type-generalized": "info",
    "became-enum": "breaking",
    "enum-value-removed": "breaking",
    "enum-value-added": "info",
    "max-decreased": "breaking",
    "max-increased": "info",
    "max-set": "warning",
    "min-increased": "breaking",
    "min-decreased": "info",
    "min-set": "warning",
    "exclusive-max-decreased": "breaking",
    "exclusive-max-increased": "info",
    "exclusive-max-set": "warning",
    "exclusive-min-increased": "breaking",
    "exclusive-min-decreased": "info",
    "exclusive-min-set": "warning",
    "max-length-decreased": "breaking",
    "max-length-increased": "info",
    "max-length-set": "warning",
    "min-length-increased": "breaking",
    "min-length-decreased": "info",
    "max-items-decreased": "breaking",
    "max-items-increased": "info",
    "min-items-increased": "breaking",
    "min-items-decreased": "info",
    "min-items-set": "warning",
    "pattern-added": "breaking",
    "pattern-removed": "info",
    "pattern-changed": "warning",
    "became-not-nullable": "breaking",
    "became-nullable": "info",
    "x-extensible-enum-value-removed": "breaking",
    // oasdiff: a caller who relied on the server filling in a parameter now gets other behaviour.
    "default-value-added": "breaking",
    "default-value-removed": "breaking",
    "default-value-changed": "breaking",
  }),
  ...parameterRules(
    {
      "enum-removed": "breaking",
      "constraint-dropped": "warning",
      "min-length-set": "warning",
      "max-items-set": "warning",
      "one-of-added": "info",
      "one-of-removed": "breaking",
      "any-of-added": "info",
      "any-of-removed": "breaking",
      "const-changed": "breaking",
      // How an array or object parameter is serialized: the server misreads the old form.
      "style-changed": "breaking",
      "explode-changed": "breaking",
    },
    true,
  ),
};

/** Every rule this tool can emit. Tests assert each id against its level here. */
export const RULES: Record<string, Rule> = {
  "endpoint-added": { level: "info" },
  "endpoint-deprecated": { level: "info" },
  "endpoint-reactivated": { level: "info" },
  "api-path-removed-without-deprecation": { level: "breaking" },
  "api-path-removed-with-deprecation": { level: "info" },
  // The URL is the same, but the generated client is keyed on the template and its names.
  "api-path-parameter-renamed": { level: "breaking", ours: true },
  "api-removed-without-deprecation": { level: "breaking" },
  "api-removed-with-deprecation": { level: "info" },
  "api-operation-id-removed": { level: "info" },
  "api-operation-id-added": { level: "info" },
  "api-security-added": { level: "info" },
  "api-security-removed": { level: "info" },
  "api-global-security-added": { level: "info" },
  "api-global-security-removed": { level: "info" },
  // oasdiff rates a new scope info; a token issued without it is now refused.
  "api-security-scope-added": { level: "warning" },
  "api-security-scope-removed": { level: "info" },
  "api-global-security-scope-added": { level: "warning" },
  "api-global-security-scope-removed": { level: "info" },
  "added-required-request-body": { level: "breaking" },
  "added-optional-request-body": { level: "info" },
  // oasdiff: callers who send the body now send what the operation no longer describes.
  "request-body-removed": { level: "breaking" },
  "request-body-media-type-schema-added": { level: "breaking" },
  "request-body-media-type-schema-removed": { level: "info" },
  "response-body-media-type-schema-added": { level: "info" },
  "response-body-media-type-schema-removed": { level: "warning" },
  "request-body-became-required": { level: "breaking" },
  "request-body-wrapped-in-one-of": { level: "breaking" },
  "request-body-became-optional": { level: "info" },
  "request-body-media-type-added": { level: "info" },
  "request-body-media-type-removed": { level: "breaking" },
  "response-media-type-added": { level: "info" },
  "response-media-type-removed": { level: "breaking" },
  "response-success-status-added": { level: "info" },
  "response-success-status-removed": { level: "breaking" },
  "response-non-success-status-added": { level: "info" },
  "response-non-success-status-removed": { level: "info" },
  // Response headers, matched by name without case (Content-Type is the media type's, not one).
  "required-response-header-removed": { level: "breaking" },
  "optional-response-header-removed": { level: "warning" },
  "response-header-became-optional": { level: "breaking" },
  "response-header-added": { level: "info" },
  "response-header-type-changed": { level: "breaking" },
  "response-header-type-specialized": { level: "info" },
  "response-header-became-nullable": { level: "breaking" },
  "response-header-became-not-nullable": { level: "info" },
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
  ...PARAMETER_RULES,
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
  // Ours: a comparison cut short by depth or budget on a hostile spec (report-cut.ts) must not
  // pass as "no changes": breaking, so the diff fails until a reviewer has looked.
  "schema-comparison-cut-short": { level: "breaking", ours: true },
  // Ours: oasdiff does not compare servers or security scheme definitions.
  "api-server-removed": { level: "warning", ours: true },
  "api-server-added": { level: "info", ours: true },
  "security-scheme-removed": { level: "warning", ours: true },
  "security-scheme-added": { level: "info", ours: true },
  "security-scheme-changed": { level: "warning", ours: true },
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

function parameterRules(suffixes: Record<string, Level>, ours = false): Record<string, Rule> {
  return Object.fromEntries(
    Object.entries(suffixes).map(([suffix, level]) => [
      `request-parameter-${suffix}`,
      ours ? { level, ours: true as const } : { level },
    ]),
  );
}

/** oasdiff names the same check `request-body-…` at the body root and `request-property-…` below it. */
function bothLocations(
  direction: "request" | "response",
  suffixes: Record<string, Level>,
  ours = false,
): Record<string, Rule> {
  const rules: Record<string, Rule> = {};
  for (const [suffix, level] of Object.entries(suffixes)) {
    const rule: Rule = ours ? { level, ours: true } : { level };
    rules[`${direction}-body-${suffix}`] = rule;
    rules[`${direction}-property-${suffix}`] = rule;
  }
  return rules;
}

export function levelOf(id: string): Level {
  const rule = RULES[id];
  if (!rule) throw new Error(`no rule "${id}"`);
  return rule.level;
}

/** Breaking first, then by path and method, then as found. */
export function sortChanges(changes: Change[]): Change[] {
  return changes
    .map((change, index) => ({ change, index }))
    .sort(
      (a, b) =>
        LEVEL_ORDER[a.change.level] - LEVEL_ORDER[b.change.level] ||
        a.change.path.localeCompare(b.change.path) ||
        a.change.method.localeCompare(b.change.method) ||
        a.index - b.index,
    )
    .map(({ change }) => change);
}
