import { isObject } from "../openapi-walk.js";
import type { ChangeSink } from "./change.js";
import { emitChange } from "./emit-change.js";

/** Security requirements, compared by scheme name, then by the scopes each scheme asks for. */
export function compareSecurity(
  was: unknown,
  now: unknown,
  context: ChangeSink,
  rule: "api-security" | "api-global-security",
  /** Where each side's `security` list is (or would be): a side without one gives its parent. */
  pointers: { base: string; head: string },
): void {
  const before = schemeNames(was);
  const after = schemeNames(now);
  for (const name of after)
    if (!before.includes(name))
      emitChange(context, `${rule}-added`, `security requirement ${name} added`, undefined, {
        after: name,
        pointers,
      });
  for (const name of before)
    if (!after.includes(name))
      emitChange(context, `${rule}-removed`, `security requirement ${name} removed`, undefined, {
        before: name,
        pointers,
      });
  const scopesBefore = scopesOf(was);
  const scopesAfter = scopesOf(now);
  for (const name of before.filter((n) => after.includes(n))) {
    const [had, has] = [scopesBefore.get(name)!, scopesAfter.get(name)!];
    for (const scope of has)
      if (!had.has(scope))
        emitChange(context, `${rule}-scope-added`, `${name} now needs scope ${scope}`, undefined, {
          after: scope,
          pointers,
        });
    for (const scope of had)
      if (!has.has(scope))
        emitChange(
          context,
          `${rule}-scope-removed`,
          `${name} no longer needs scope ${scope}`,
          undefined,
          { before: scope, pointers },
        );
  }
}

/** Each scheme's scopes over all of a requirement list's alternatives. */
function scopesOf(security: unknown): Map<string, Set<string>> {
  const scopes = new Map<string, Set<string>>();
  if (!Array.isArray(security)) return scopes;
  for (const requirement of security.filter(isObject))
    for (const [name, list] of Object.entries(requirement)) {
      const set = scopes.get(name) ?? new Set<string>();
      if (Array.isArray(list)) for (const scope of list) set.add(String(scope));
      scopes.set(name, set);
    }
  return scopes;
}

function schemeNames(security: unknown): string[] {
  if (!Array.isArray(security)) return [];
  return [
    ...new Set(security.filter(isObject).flatMap((requirement) => Object.keys(requirement))),
  ].sort();
}
