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

/**
 * Walks every component `ref` reaches. All of them read the same: each is unchanged too (what it
 * reaches is a part of what `ref` reaches). One differs: every component on the path to it is
 * changed. A component on a cycle is not judged before the whole walk is done, so a verdict
 * never rests on a guess made while its own check was still open.
 */
function check(
  ref: string,
  base: JsonObject,
  head: JsonObject,
  known: Map<string, boolean>,
): boolean {
  const verdict = known.get(ref);
  if (verdict !== undefined) return verdict;
  const visited = new Set<string>([ref]);
  // The path from `ref` to the component being read, each with the refs it has left to visit.
  const path: { ref: string; next: Iterator<string> }[] = [];
  const changedOnPath = (): false => {
    for (const step of path) known.set(step.ref, false);
    return false;
  };
  const enter = (at: string): boolean => {
    const before = resolvePointer(base, at);
    const after = resolvePointer(head, at);
    path.push({ ref: at, next: refsIn(before).values() });
    return before !== undefined && JSON.stringify(before) === JSON.stringify(after);
  };
  if (!enter(ref)) return changedOnPath();
  while (path.length > 0) {
    const step = path[path.length - 1]!.next.next();
    if (step.done) {
      path.pop();
      continue;
    }
    const inner = step.value;
    const innerVerdict = known.get(inner);
    if (innerVerdict === false) return changedOnPath();
    if (innerVerdict === true || visited.has(inner)) continue;
    visited.add(inner);
    if (!enter(inner)) return changedOnPath();
  }
  for (const seen of visited) known.set(seen, true);
  return true;
}

function refsIn(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) refsIn(item, found);
  else if (node !== null && typeof node === "object")
    for (const [key, value] of Object.entries(node))
      if (key === "$ref" && typeof value === "string") found.add(value);
      else refsIn(value, found);
  return found;
}
