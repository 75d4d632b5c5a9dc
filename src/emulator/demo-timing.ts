import type { JobTiming } from "./jobs.js";

/**
 * What the demo and `kontext --emulator` show a person: slow enough to watch each state, and
 * each state answered to at least one poll, so a loaded machine never skips one.
 */
export const DEMO_TIMING: JobTiming = { queueMs: 600, runMs: 900, queuePolls: 1, runPolls: 1 };
