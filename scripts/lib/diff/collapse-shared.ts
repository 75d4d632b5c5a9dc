import type { Change } from "./change.js";

/** A change found inside a component: which one, and its message told from the component. */
interface SharedMark {
  ref: string;
  message: string;
  /** The change's location told from the component: `Image.url`. */
  location: string;
  /** The operation and the part of it that reached the component: `POST /x (response 200)`. */
  reachedFrom: string;
}

const marks = new WeakMap<Change, SharedMark>();

export function markShared(
  change: Change,
  ref: string,
  location: string,
  message: string,
  part?: string,
): void {
  const operation = `${change.method} ${change.path}`.trim();
  marks.set(change, {
    ref,
    location,
    message: `\`${location}\` ${message}`,
    reachedFrom: part ? `${operation} (${part})` : operation,
  });
}

/**
 * A change to a component that several operations share is one change, not one per operation:
 * it is reported once, under the component, with the operations it reaches. A component that
 * only one operation reaches stays under that operation, where the reviewer looks for it.
 */
export function collapseShared(changes: Change[]): Change[] {
  const groups = new Map<string, Change[]>();
  for (const change of changes) {
    const mark = marks.get(change);
    if (!mark) continue;
    const key = `${mark.ref}\u0000${change.id}\u0000${mark.message}`;
    groups.set(key, [...(groups.get(key) ?? []), change]);
  }
  const replaced = new Map<Change, Change | null>();
  for (const group of groups.values()) {
    const operations = new Set(group.map((c) => `${c.method} ${c.path}`));
    if (operations.size < 2) {
      mergeWithinOperation(group, replaced);
      continue;
    }
    const first = group[0]!;
    const mark = marks.get(first)!;
    const reached = [...new Set(group.map((c) => marks.get(c)!.reachedFrom))].sort();
    const merged: Change = {
      ...first,
      method: "",
      path: "",
      message: mark.message,
      location: mark.location,
      component: mark.ref,
      operations: reached,
    };
    replaced.set(first, merged);
    for (const other of group.slice(1)) replaced.set(other, null);
  }
  if (replaced.size === 0) return changes;
  return changes.flatMap((change) => {
    const replacement = replaced.get(change);
    return replacement === undefined ? [change] : replacement === null ? [] : [replacement];
  });
}

/**
 * One operation reaching a component through two union members (`<A>.tools[]<X>.f` and
 * `<B>.tools[]<X>.f`) in the same part sees one change, listed once with every location.
 */
function mergeWithinOperation(group: Change[], replaced: Map<Change, Change | null>): void {
  const byPart = new Map<string, Change[]>();
  for (const change of group) {
    const part = marks.get(change)!.reachedFrom;
    byPart.set(part, [...(byPart.get(part) ?? []), change]);
  }
  for (const same of byPart.values()) {
    if (same.length < 2) continue;
    const [first, ...others] = same as [Change, ...Change[]];
    const elsewhere = others.map((c) => `\`${c.location ?? ""}\``).join(", ");
    replaced.set(first, {
      ...first,
      message: `${first.message} (also at ${elsewhere})`,
      locations: same.map((c) => c.location ?? ""),
    });
    for (const other of others) replaced.set(other, null);
  }
}
