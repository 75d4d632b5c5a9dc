import type { Change, Level, SourceLine } from "./change.js";
import type { SurfaceChange } from "./surface-diff.js";

export interface DiffReport {
  base: string;
  head: string;
  changes: Change[];
  surface: SurfaceChange[];
  /** Overlay actions the new export makes redundant (`file:line: message`), to delete. */
  redundantOverlayActions?: string[];
}

export function countByLevel(changes: Change[]): Record<Level, number> {
  const counts: Record<Level, number> = { breaking: 0, warning: 0, info: 0 };
  for (const change of changes) counts[change.level]++;
  return counts;
}

export function summaryLine(changes: Change[]): string {
  const counts = countByLevel(changes);
  return `${counts.breaking} breaking, ${counts.warning} warning${counts.warning === 1 ? "" : "s"}, ${counts.info} info`;
}

/** The heading a change is listed under: its operation, its shared component, or the whole API. */
export function groupOf(change: Change): string {
  if (change.component) return `component ${change.component.split("/").pop()}`;
  return change.path === "" ? "Whole API" : `${change.method} ${change.path}`;
}

/** Changes grouped by operation (or shared component), groups with breaking changes first. */
export function groupByOperation(changes: Change[]): [string, Change[]][] {
  const groups = new Map<string, Change[]>();
  for (const change of changes) {
    const key = groupOf(change);
    groups.set(key, [...(groups.get(key) ?? []), change]);
  }
  const rank = (list: Change[]) =>
    Math.min(...list.map((c) => ({ breaking: 0, warning: 1, info: 2 })[c.level]));
  return [...groups].sort(([a, x], [b, y]) => rank(x) - rank(y) || a.localeCompare(b));
}

/**
 * The operations a shared component's changes reach, for its heading: all of its rows', as a
 * request-side row reaches other operations (or parts) than a response-side one.
 */
export function reachedBy(changes: Change[]): string[] | undefined {
  const reached = changes.flatMap((change) => change.operations ?? []);
  return reached.length > 0 ? [...new Set(reached)].sort() : undefined;
}

export function sourceNote(change: Change): string {
  return change.source === "spec" ? "" : ` (${change.source})`;
}

/** `head.yaml:12 (was base.yaml:10)`, or one side alone when the other has no such place. */
export function whereText(change: Change, show: (line: SourceLine) => string = plain): string {
  const { base, head } = change.where ?? {};
  if (head && base) return `${show(head)} (was ${show(base)})`;
  if (head) return show(head);
  if (base) return `was ${show(base)}`;
  return "";
}

function plain(line: SourceLine): string {
  return `${line.file}:${line.line}`;
}
