import { resolvePointer } from "../json-pointer.js";
import type { JsonObject } from "../openapi-walk.js";

/** Per pair of documents: whether a component reads the same on both sides, all the way down. */
const verdicts = new WeakMap<JsonObject, WeakMap<JsonObject, Map<string, boolean>>>();

/**
 * True when the component `ref` names is the same on both sides and so is every component it
 * refers to, transitively. A spec's operations share their components many times over (every
 * DigitalOcean response reaches the same dozens of schemas): comparing an unchanged one again
 * for each operation is where a real-size diff spent most of its time.
 */
export function isUnchangedComponent(ref: string, base: JsonObject, head: JsonObject): boolean {
  let byHead = verdicts.get(base);
  if (!byHead) verdicts.set(base, (byHead = new WeakMap()));
  let known = byHead.get(head);
  if (!known) byHead.set(head, (known = new Map()));
  return check(ref, base, head, known);
}

function check(
  ref: string,
  base: JsonObject,
  head: JsonObject,
  known: Map<string, boolean>,
): boolean {
  const verdict = known.get(ref);
  if (verdict !== undefined) return verdict;
  // A cycle back to a component being checked: its own text decides for it.
  known.set(ref, true);
  const before = resolvePointer(base, ref);
  const after = resolvePointer(head, ref);
  let same = before !== undefined && JSON.stringify(before) === JSON.stringify(after);
  if (same)
    for (const inner of refsIn(before))
      if (!check(inner, base, head, known)) {
        same = false;
        break;
      }
  known.set(ref, same);
  return same;
}

function refsIn(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) refsIn(item, found);
  else if (node !== null && typeof node === "object")
    for (const [key, value] of Object.entries(node))
      if (key === "$ref" && typeof value === "string") found.add(value);
      else refsIn(value, found);
  return found;
}
