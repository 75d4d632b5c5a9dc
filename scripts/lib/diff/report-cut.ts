import { sameJson, type ComparisonBudget } from "./comparison-budget.js";
import type { ChangeSink } from "./change.js";
import { emitChange } from "./emit-change.js";

/** Why a schema comparison stopped before the schemas' end. */
export type CutReason = "depth" | "budget";

/**
 * A comparison that stopped early must not pass as "no changes": where the schemas left
 * uncompared differ (or are too large to tell), one breaking `schema-comparison-cut-short` row
 * says so, at the first place the cut happened, so the diff fails until a reviewer has looked.
 * Where they are equal, nothing was hidden and nothing is said.
 */
export function reportCut(
  context: ChangeSink & { budget?: ComparisonBudget },
  base: unknown,
  head: unknown,
  location: string,
  pointers: { base: string; head: string },
  reason: CutReason,
  sameRef: (ref: string) => boolean,
): void {
  const budget = context.budget;
  if (budget?.reported) return;
  if (sameJson(base, head, sameRef) === true) return;
  if (budget) budget.reported = true;
  const where = location === "" ? "body" : `\`${location}\``;
  const why =
    reason === "depth"
      ? "is nested deeper than the diff compares"
      : "is larger than the diff's comparison budget";
  emitChange(
    context,
    "schema-comparison-cut-short",
    `${where} ${why}; it differs below here, so check it by hand`,
    location,
    { pointers },
  );
}
