import { describe, expect, it } from "vitest";
import {
  describeRatio,
  medianIntervalRank,
  summarizeRatios,
  verdict,
} from "../../../bench/lib/paired-ratios.js";

describe("paired ratios", () => {
  it("gives no 95% interval for fewer than six rounds, and the extremes at six", () => {
    expect(medianIntervalRank(5)).toBeUndefined();
    expect(medianIntervalRank(6)).toBe(1);
  });

  it("takes the order statistics of the binomial table for the median's interval", () => {
    // Published values: n = 21 -> 6th from each end; n = 41 -> 14th; n = 10 -> 2nd.
    expect(medianIntervalRank(10)).toBe(2);
    expect(medianIntervalRank(21)).toBe(6);
    expect(medianIntervalRank(41)).toBe(14);
  });

  it("summarises rounds by median, spread and interval, whatever their order", () => {
    const summary = summarizeRatios([1.1, 0.9, 1.0, 0.8, 1.2, 0.95, 1.05]);
    expect(summary).toEqual({ rounds: 7, median: 1.0, min: 0.8, max: 1.2, low: 0.8, high: 1.2 });
  });

  it("says met only when the whole interval clears the target, missed when it lies below", () => {
    const rounds = (values: number[]) => summarizeRatios(values);
    expect(verdict(rounds([0.96, 0.97, 0.98, 0.99, 1.0, 1.01]), 0.95)).toBe("met");
    expect(verdict(rounds([0.8, 0.85, 0.9, 0.91, 0.92, 0.94]), 0.95)).toBe("missed");
    expect(verdict(rounds([0.9, 0.97, 0.98, 0.99, 1.0, 1.01]), 0.95)).toBe("not shown");
    expect(verdict(rounds([1.2, 1.3, 1.4]), 0.95)).toBe("not shown");
  });

  it("prints the median with its interval, spread and verdict", () => {
    const text = describeRatio(summarizeRatios([0.9, 0.97, 0.98, 0.99, 1.0, 1.01]), 0.95);
    expect(text).toBe(
      "0.99x [95% CI 0.90x-1.01x; min-max 0.90x-1.01x over 6 rounds] (target >= 0.95x: not shown)",
    );
  });
});
