import type { Level } from "./change.js";

/** A rule's level, and whether it is ours (oasdiff has no such rule). */
export interface Rule {
  level: Level;
  /** Not an oasdiff rule: defined here for what oasdiff does not check. */
  ours?: true;
}

export function parameterRules(
  suffixes: Record<string, Level>,
  ours = false,
): Record<string, Rule> {
  return Object.fromEntries(
    Object.entries(suffixes).map(([suffix, level]) => [
      `request-parameter-${suffix}`,
      ours ? { level, ours: true as const } : { level },
    ]),
  );
}

/** oasdiff names the same check `request-body-…` at the body root and `request-property-…` below it. */
export function bothLocations(
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
