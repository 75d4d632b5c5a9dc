import { cpus } from "node:os";
import { describe, expect, it } from "vitest";
import { machineCpu, othersCores, processCpuMs } from "../../../bench/lib/cpu-share.js";

describe("the CPU share of other processes", () => {
  it("counts the busy time not spent by the bench as the others' cores", () => {
    const cores = cpus().length;
    const before = { totalMs: 0, busyMs: 0 };
    // One second of wall time on every core; 1.5 s of it busy, 0.5 s of that ours.
    const after = { totalMs: 1000 * cores, busyMs: 1500 };
    expect(othersCores(before, after, 500)).toBeCloseTo(1.0);
    expect(othersCores(before, after, 2000)).toBe(0);
    expect(othersCores(undefined, after, 0)).toBeUndefined();
  });

  it.runIf(process.platform === "linux")("reads this process's CPU time and the machine's", () => {
    const mine = processCpuMs(process.pid);
    const machine = machineCpu();
    expect(mine).toBeGreaterThanOrEqual(0);
    expect(machine!.busyMs).toBeGreaterThanOrEqual(mine!);
    expect(machine!.totalMs).toBeGreaterThan(machine!.busyMs);
    expect(processCpuMs(2 ** 30)).toBeUndefined();
  });
});
