/**
 * A verdict from ratios measured in pairs on a shared machine. Each pair is two runners measured
 * back to back in one round, so a load that drifts over minutes weighs on both alike; what is left
 * is spread from round to round, which the interval below states instead of hiding behind one
 * median. The interval is distribution-free (order statistics of the rounds' ratios: no
 * assumption that the noise is normal, which a neighbour's build starting mid-round is not).
 */
import { median } from "./measure.js";

export interface RatioSummary {
  /** How many rounds (pairs). */
  rounds: number;
  median: number;
  min: number;
  max: number;
  /** A 95% (or wider) confidence interval for the median ratio; undefined below 6 rounds. */
  low: number | undefined;
  high: number | undefined;
}

/** Each round's ratio `mine / baseline`, summarised. */
export function summarizeRatios(ratios: readonly number[]): RatioSummary {
  const sorted = [...ratios].sort((a, b) => a - b);
  const rank = medianIntervalRank(sorted.length);
  return {
    rounds: sorted.length,
    median: median(sorted),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    low: rank === undefined ? undefined : sorted[rank - 1],
    high: rank === undefined ? undefined : sorted[sorted.length - rank],
  };
}

/**
 * The largest k with P(Binomial(n, 1/2) < k) <= 2.5%: the median lies between the k-th smallest
 * and the k-th largest of n samples with at least 95% confidence. Undefined when even the
 * extremes give less (n < 6).
 */
export function medianIntervalRank(n: number): number | undefined {
  let below = 0; // P(X < k), growing with k
  let term = 0.5 ** n; // P(X = k - 1), starting at k = 1
  let k = 0;
  for (let next = 1; next <= Math.floor(n / 2); next++) {
    if (below + term > 0.025) break;
    below += term;
    term = (term * (n - next + 1)) / next;
    k = next;
  }
  return k === 0 ? undefined : k;
}

/**
 * "met" when the whole interval clears the target, "missed" when it lies wholly below it, and
 * otherwise "not shown": this run cannot tell (more rounds, or a quieter machine, might).
 */
export function verdict(summary: RatioSummary, atLeast: number): "met" | "missed" | "not shown" {
  if (summary.low === undefined || summary.high === undefined) return "not shown";
  if (summary.low >= atLeast) return "met";
  if (summary.high < atLeast) return "missed";
  return "not shown";
}

/** `0.97x [95% CI 0.94x-1.01x; min-max 0.88x-1.09x over 21 rounds] >= 0.95x: not shown`. */
export function describeRatio(summary: RatioSummary, atLeast?: number): string {
  const x = (value: number) => `${value.toFixed(2)}x`;
  const interval =
    summary.low === undefined || summary.high === undefined
      ? "no 95% CI below 6 rounds"
      : `95% CI ${x(summary.low)}-${x(summary.high)}`;
  const spread = `${interval}; min-max ${x(summary.min)}-${x(summary.max)} over ${summary.rounds} rounds`;
  const target =
    atLeast === undefined ? "" : ` (target >= ${x(atLeast)}: ${verdict(summary, atLeast)})`;
  return `${x(summary.median)} [${spread}]${target}`;
}
