import type { JsonObject } from "../openapi-walk.js";
import { operationTypes, type PropertyType } from "./list-property-types.js";
import type { SurfaceChange } from "./surface-diff.js";

/**
 * Each operation's input and output property types as TypeScript spells them (`num_images?:
 * 1 | 2 | 4`, `seed: number | null`), compared between the two sides: what a caller's code sees
 * change, even where no named type or enum moved. Unions are sorted and properties keyed by
 * path, so reordering the spec changes nothing here.
 */
export function diffPropertyTypes(base: JsonObject, head: JsonObject): SurfaceChange[] {
  const before = operationTypes(base);
  const after = operationTypes(head);
  const changes: SurfaceChange[] = [];
  for (const [operation, was] of before) {
    const now = after.get(operation);
    if (!now) continue; // a removed operation is the contract diff's to report
    const relabeled = sameUnderOtherLabels(was, now);
    for (const [path, type] of was) {
      if (relabeled.has(path)) continue;
      const next = now.get(path);
      if (next === undefined)
        changes.push({
          kind: "removed",
          name: `${operation} ${spelled(path, type)}`,
          detail: "removed",
          before: type.type,
        });
      else if (next.optional !== type.optional)
        changes.push(optionalityChange(`${operation} ${path}`, path, type, next));
      else if (next.type !== type.type)
        changes.push({
          kind: "changed",
          name: `${operation} ${spelled(path, next)}`,
          detail: `${type.type} -> ${next.type}`,
          before: type.type,
          after: next.type,
        });
    }
    for (const [path, type] of now)
      if (!was.has(path) && !relabeled.has(path))
        changes.push({
          kind: "added",
          name: `${operation} ${spelled(path, type)}`,
          detail: "added",
          after: type.type,
        });
  }
  return changes;
}

/**
 * Paths on one side only that the other side has with one member label fewer, with the same
 * type: a union that gained or lost a member (`anyOf: [string, X]` -> `anyOf: [X]`) names X's
 * fields `error<X><A>.code` on one side and `error<A>.code` on the other, yet they did not
 * change. The union's own type change is reported on the property itself.
 */
function sameUnderOtherLabels(
  was: Map<string, PropertyType>,
  now: Map<string, PropertyType>,
): Set<string> {
  const matched = new Set<string>();
  const same = (a: PropertyType, b: PropertyType) => a.type === b.type && a.optional === b.optional;
  const match = (own: Map<string, PropertyType>, other: Map<string, PropertyType>) => {
    for (const [path, type] of own) {
      if (other.has(path) || matched.has(path)) continue;
      for (const label of path.matchAll(/<[^<>]*>/g)) {
        const shorter = path.slice(0, label.index) + path.slice(label.index + label[0].length);
        const partner = other.get(shorter);
        if (partner && !own.has(shorter) && !matched.has(shorter) && same(type, partner)) {
          matched.add(path).add(shorter);
          break;
        }
      }
    }
  };
  match(was, now);
  match(now, was);
  return matched;
}

function spelled(path: string, type: PropertyType): string {
  return `${path}${type.optional ? "?" : ""}`;
}

/**
 * A property that became optional or required is one change, not a removed `x` beside an added
 * `x?`: the two lines show the property as each side declares it.
 */
function optionalityChange(
  name: string,
  path: string,
  was: PropertyType,
  now: PropertyType,
): SurfaceChange {
  const field = path.slice(path.lastIndexOf(".") + 1);
  const became = now.optional ? "became optional" : "became required";
  return {
    kind: "changed",
    name,
    detail: was.type === now.type ? became : `${became}; ${was.type} -> ${now.type}`,
    before: `${spelled(field, was)}: ${was.type}`,
    after: `${spelled(field, now)}: ${now.type}`,
  };
}
