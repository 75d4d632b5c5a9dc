import { isObject } from "../openapi-walk.js";

/**
 * The work one top-level schema comparison (a request body, a response, a parameter) may do.
 * The spec is hostile input in a pull-request workflow: unions nested 30 deep or 200 wide, or
 * `$ref`s reaching each other, must not make the diff hang or exhaust memory. Every schema pair
 * compared costs one unit, every variant pair a union weighs costs one; real specs stay far
 * below the limit (the largest real history here spends a few thousand).
 */
export interface ComparisonBudget {
  left: number;
  /** Spent once: the first place the budget or the depth limit cut the comparison short. */
  reported: boolean;
}

/**
 * Work done since the process started, for tests and benchmarks to assert on: counts do not
 * vary with the machine's speed as wall time does.
 */
export const WORK_DONE = { viewsBuilt: 0, unitsSpent: 0, typePaths: 0 };

/** @default 50_000 units per top-level schema. */
export const COMPARISON_BUDGET = 50_000;

export function createBudget(limit = COMPARISON_BUDGET): ComparisonBudget {
  return { left: limit, reported: false };
}

/** Takes `units` from the budget, or nothing and false when fewer are left. */
export function spend(budget: ComparisonBudget, units = 1): boolean {
  if (budget.left < units) return false;
  budget.left -= units;
  WORK_DONE.unitsSpent += units;
  return true;
}

/**
 * How many nodes `sameJson` may visit: linear work, large enough to tell that two big unchanged
 * schemas are equal (so an unchanged hostile spec raises no alarm), small enough to stay fast.
 */
const SAME_JSON_LIMIT = 2_000_000;

/**
 * Whether two JSON values are equal, deciding within `limit` visited nodes; undefined when it
 * could not tell in time. `sameRef` says whether a `$ref` both sides write names the same thing. Pairs already compared are not walked again, so a spec that reuses
 * objects (YAML anchors) costs its size, not its unfolded size.
 */
export function sameJson(
  a: unknown,
  b: unknown,
  sameRef: (ref: string) => boolean = () => true,
  limit = SAME_JSON_LIMIT,
): boolean | undefined {
  const seen = new WeakMap<object, WeakSet<object>>();
  const stack: [unknown, unknown][] = [[a, b]];
  let visited = 0;
  while (stack.length > 0) {
    const [x, y] = stack.pop()!;
    if (x === y) continue;
    if (++visited > limit) return undefined;
    if (typeof x !== "object" || typeof y !== "object" || x === null || y === null) return false;
    if (Array.isArray(x) !== Array.isArray(y)) return false;
    let partners = seen.get(x);
    if (partners?.has(y)) continue;
    if (!partners) seen.set(x, (partners = new WeakSet()));
    partners.add(y);
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length) return false;
      x.forEach((item, i) => stack.push([item, y[i]]));
      continue;
    }
    if (!isObject(x) || !isObject(y)) return false;
    const keys = Object.keys(x);
    if (keys.length !== Object.keys(y).length) return false;
    for (const key of keys) {
      if (!(key in y)) return false;
      // The same `$ref` on both sides is the same only if what it names is.
      if (key === "$ref" && typeof x[key] === "string" && x[key] === y[key] && !sameRef(x[key]))
        return false;
      stack.push([x[key], y[key]]);
    }
  }
  return true;
}
