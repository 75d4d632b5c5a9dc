import { randomUUID } from "node:crypto";

/** How long a job sits in each state. */
export interface JobTiming {
  /** @default 200 */
  queueMs: number;
  /** @default 300 */
  runMs: number;
}

export interface Job {
  id: string;
  operationId: string;
  /** `/{owner}/{app}`: where status, result and cancel live. */
  appPath: string;
  input: Record<string, unknown>;
  createdAt: number;
  timing: JobTiming;
  cancelledAt?: number;
  /** Set by a "fail" injection: the result endpoint answers with this instead. */
  failure?: { status: number; body: unknown };
}

export type JobState = "IN_QUEUE" | "IN_PROGRESS" | "COMPLETED";

/** In-memory jobs whose state follows from the clock: no timers to leak or to wait for. */
export class JobStore {
  private readonly jobs = new Map<string, Job>();

  create(
    operationId: string,
    appPath: string,
    input: Record<string, unknown>,
    timing: JobTiming,
    now = Date.now(),
  ): Job {
    const job: Job = { id: randomUUID(), operationId, appPath, input, createdAt: now, timing };
    this.jobs.set(job.id, job);
    return job;
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  stateOf(job: Job, now = Date.now()): JobState {
    if (job.cancelledAt !== undefined) return "COMPLETED";
    const elapsed = now - job.createdAt;
    if (elapsed < job.timing.queueMs) return "IN_QUEUE";
    return elapsed < job.timing.queueMs + job.timing.runMs ? "IN_PROGRESS" : "COMPLETED";
  }

  /** Jobs queued ahead of this one. */
  queuePosition(job: Job, now = Date.now()): number {
    let ahead = 0;
    for (const other of this.jobs.values()) {
      if (other.createdAt < job.createdAt && this.stateOf(other, now) === "IN_QUEUE") ahead++;
    }
    return ahead;
  }

  get size(): number {
    return this.jobs.size;
  }
}
