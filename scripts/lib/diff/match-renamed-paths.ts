import type { OperationRef } from "../openapi-walk.js";

/**
 * A removed operation whose path differs from an added one's only in its parameter names
 * (`/a/{id}` -> `/a/{a_id}`, same method) is that operation renamed, as oasdiff matches
 * endpoints: the wire is unchanged, so it is compared in depth instead of reported as a removed
 * path. Ambiguous shapes (two candidates on either side) stay removed + added.
 */
export function renamedOperations(
  before: Map<string, OperationRef>,
  after: Map<string, OperationRef>,
): Map<string, OperationRef> {
  const shape = (o: OperationRef) => `${o.method} ${o.path.replace(/\{[^}]*\}/g, "{}")}`;
  const unique = (entries: [string, OperationRef][], other: Map<string, OperationRef>) => {
    const byShape = new Map<string, [string, OperationRef] | null>();
    for (const [key, operation] of entries)
      if (!other.has(key))
        byShape.set(shape(operation), byShape.has(shape(operation)) ? null : [key, operation]);
    return byShape;
  };
  const removed = unique([...before], after);
  const added = unique([...after], before);
  const renamed = new Map<string, OperationRef>();
  for (const [key, entry] of removed) {
    const target = added.get(key);
    if (entry && target) renamed.set(entry[0], target[1]);
  }
  return renamed;
}

/** Base path parameter -> head name, slot by slot, for a renamed template. */
export function slotRenames(was: string, now: string): Map<string, string> {
  const names = (path: string) => [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
  const [a, b] = [names(was), names(now)];
  return new Map(
    a.flatMap((name, i) => (b[i] !== undefined && b[i] !== name ? [[name, b[i]!]] : [])),
  );
}
