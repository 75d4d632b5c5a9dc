import { describe, expect, it } from "vitest";
import { RULES } from "../../../scripts/lib/diff/change.js";
import { COMPARISON_BUDGET, WORK_DONE } from "../../../scripts/lib/diff/comparison-budget.js";
import { compareDocuments } from "../../../scripts/lib/diff/compare-document.js";
import { diffPropertyTypes } from "../../../scripts/lib/diff/property-types.js";
import { HOSTILE_SPECS } from "./pairs/hostile-specs.js";

/** Schema objects in both sides: a few views per object (merges make fresh ones, a view cut at
 * the depth limit is rebuilt when reached higher up) is linear work. */
function objectsIn(...documents: unknown[]): number {
  const seen = new Set<object>();
  const stack = [...documents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== "object" || seen.has(node)) continue;
    seen.add(node);
    stack.push(...Object.values(node));
  }
  return seen.size;
}

/** Work counted while `run` runs: views built, comparison units spent, property paths listed. */
function workOf(run: () => void): typeof WORK_DONE {
  const before = { ...WORK_DONE };
  run();
  return {
    viewsBuilt: WORK_DONE.viewsBuilt - before.viewsBuilt,
    unitsSpent: WORK_DONE.unitsSpent - before.unitsSpent,
    typePaths: WORK_DONE.typePaths - before.typePaths,
  };
}

// Two top-level comparisons (request and response body) per spec. Views stay linear in the
// spec's size (the widest builds one per schema object of each side), far from the 2^30 its
// nesting unfolds to; so do the property paths the TypeScript section lists.
const MAX_UNITS = 2 * COMPARISON_BUDGET;
const MAX_TYPE_PATHS = 500_000;

describe("the diff on hostile specs", () => {
  it.each(HOSTILE_SPECS.map((s) => [s.name, s] as const))(
    "%s: bounded work, and a change deep inside still fails the diff",
    (_name, spec) => {
      const base = spec.build("string");
      const head = spec.build("integer");
      let ids: string[] = [];
      const work = workOf(() => {
        const changes = compareDocuments(base, head);
        ids = changes.map((c) => c.id);
        expect(changes.some((c) => c.level === "breaking")).toBe(true);
        diffPropertyTypes(base, head);
      });
      expect(ids.length).toBeGreaterThan(0);
      expect(work.unitsSpent).toBeLessThanOrEqual(MAX_UNITS);
      expect(work.viewsBuilt).toBeLessThanOrEqual(4 * objectsIn(base, head));
      expect(work.typePaths).toBeLessThanOrEqual(MAX_TYPE_PATHS);
    },
  );

  it.each(HOSTILE_SPECS.map((s) => [s.name, s] as const))(
    "%s, unchanged: bounded work and no rows",
    (_name, spec) => {
      const [base, head] = [spec.build("string"), spec.build("string")];
      const work = workOf(() => {
        expect(compareDocuments(base, head)).toEqual([]);
        expect(diffPropertyTypes(base, head)).toEqual([]);
      });
      expect(work.unitsSpent).toBeLessThanOrEqual(MAX_UNITS);
      expect(work.viewsBuilt).toBeLessThanOrEqual(4 * objectsIn(base, head));
      expect(work.typePaths).toBeLessThanOrEqual(MAX_TYPE_PATHS);
    },
  );

  it("reports a comparison cut short as breaking, once, where the cut happened", () => {
    const spec = HOSTILE_SPECS.find((s) => s.name.startsWith("30 components"))!;
    const cut = compareDocuments(spec.build("string"), spec.build("integer")).filter(
      (c) => c.id === "schema-comparison-cut-short",
    );
    expect(RULES["schema-comparison-cut-short"]!.level).toBe("breaking");
    expect(cut.length).toBeGreaterThan(0);
    expect(cut.length).toBeLessThanOrEqual(2); // one per top-level comparison at most
    expect(cut[0]!.message).toMatch(/check it by hand/);
  });
});
