/**
 * How busy the rest of the machine was while a bench measured, read from Linux's /proc: the
 * CPU time every process used (/proc/stat) minus what the bench's own processes used
 * (/proc/<pid>/stat and the children's own reports). A load average says the same a minute
 * late and smeared over minutes; this says it for one round, so a slow round can be told apart
 * from a slow runner. Elsewhere (no /proc) every reading is undefined and benches say so.
 */
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";

/** /proc counts in USER_HZ, which Linux fixes at 100 per second for user space. */
const TICK_MS = 10;

export interface CpuSnapshot {
  /** CPU time of every core, busy and idle, since boot. */
  totalMs: number;
  /** The busy part of it (everything but idle and I/O wait). */
  busyMs: number;
}

/** The machine's CPU counters now, or undefined where /proc/stat is not there. */
export function machineCpu(): CpuSnapshot | undefined {
  let text: string;
  try {
    text = readFileSync("/proc/stat", "utf8");
  } catch {
    return undefined;
  }
  // "cpu  user nice system idle iowait irq softirq steal ..." (the first line sums every core).
  const fields = text.slice(0, text.indexOf("\n")).trim().split(/\s+/).slice(1).map(Number);
  const total = fields.slice(0, 8).reduce((sum, value) => sum + value, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { totalMs: total * TICK_MS, busyMs: (total - idle) * TICK_MS };
}

/** User + system CPU time a running process has used, in ms (10 ms steps), or undefined. */
export function processCpuMs(pid: number): number | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: count from the last ")".
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

/**
 * Cores' worth of CPU the rest of the machine used between two snapshots: the busy time of all
 * cores less `ownMs` (what the bench's processes used), over the wall time between them.
 */
export function othersCores(
  before: CpuSnapshot | undefined,
  after: CpuSnapshot | undefined,
  ownMs: number,
): number | undefined {
  if (!before || !after) return undefined;
  const wallMs = (after.totalMs - before.totalMs) / cpus().length;
  if (wallMs <= 0) return undefined;
  return Math.max(0, after.busyMs - before.busyMs - ownMs) / wallMs;
}

/** `load 3.2/2.9/2.7 on 2 cores`: the one-, five- and fifteen-minute load averages. */
export function describeLoad(): string {
  return `load ${loadavg()
    .map((value) => value.toFixed(1))
    .join("/")} on ${cpus().length} cores`;
}
