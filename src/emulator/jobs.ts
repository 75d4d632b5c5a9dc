import { randomUUID } from "node:crypto";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { WaitingLine } from "./waiting-line.js";

/** How long a job sits in each state. */
export interface JobTiming {
  /** @default 200 */
  queueMs: number;
  /** @default 300 */
  runMs: number;
  /**
   * Status polls a job answers `IN_QUEUE` before it may start, however much time has passed:
   * with `runPolls`, a client (a test, the demo) sees every state on any machine, however
   * slow, without racing the clock. @default 0
   */
  queuePolls?: number;
  /** Status polls a job answers `IN_PROGRESS` before it may complete. @default 0 */
  runPolls?: number;
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
  /** Status polls answered so far: with `timing.queuePolls`/`runPolls`, they move the job on. */
  polls?: number;
  /** Set by a "fail" injection: the result endpoint answers with this instead. */
  failure?: { status: number; body: unknown };
}

export type JobState = "IN_QUEUE" | "IN_PROGRESS" | "COMPLETED";

/**
 * Jobs whose state follows from the clock: no timers to leak or to wait for. In memory, and with
 * a state file also on disk (JSON lines, the last line of a job wins), so that an emulator
 * started again on the same file still knows every job, as the real relay would after a
 * client crash: a killed demo batch resumes like a real one.
 *
 * Every request does O(1) work however many jobs the emulator has made: jobs by id in a map,
 * and the queue as a line in creation order whose front is dropped as jobs leave it, so that a
 * queue position is a subtraction (less the jobs cancelled ahead), not a scan of every job.
 */
export class JobStore {
  private readonly jobs = new Map<string, Job>();
  private readonly line = new WaitingLine<Job>();

  constructor(private readonly stateFile?: string) {
    if (!stateFile || !existsSync(stateFile)) return;
    for (const line of readFileSync(stateFile, "utf8").split("\n")) {
      try {
        const job = JSON.parse(line) as Job;
        if (typeof job.id === "string") this.jobs.set(job.id, job);
      } catch {
        // A torn last line (the process was killed mid-write) loses only that write.
      }
    }
    const now = Date.now();
    const queued = [...this.jobs.values()].filter((job) => this.stateOf(job, now) === "IN_QUEUE");
    for (const job of queued.sort((a, b) => a.createdAt - b.createdAt)) this.line.join(job);
  }

  create(
    operationId: string,
    appPath: string,
    input: Record<string, unknown>,
    timing: JobTiming,
    now = Date.now(),
  ): Job {
    const job: Job = { id: randomUUID(), operationId, appPath, input, createdAt: now, timing };
    this.jobs.set(job.id, job);
    this.line.join(job);
    this.save(job);
    return job;
  }

  /** Records a change to a job (a cancel, an injected failure) in the state file, if any. */
  save(job: Job): void {
    // Every change goes through here, so a cancel made anywhere leaves the line here.
    if (job.cancelledAt !== undefined) this.line.cancelled(job);
    if (this.stateFile) appendFileSync(this.stateFile, JSON.stringify(job) + "\n");
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  /** A job moves on once both its time and its polls in a state are spent. */
  stateOf(job: Job, now = Date.now()): JobState {
    if (job.cancelledAt !== undefined) return "COMPLETED";
    const { queueMs, runMs, queuePolls = 0, runPolls = 0 } = job.timing;
    const elapsed = now - job.createdAt;
    const polls = job.polls ?? 0;
    if (elapsed < queueMs || polls < queuePolls) return "IN_QUEUE";
    return elapsed < queueMs + runMs || polls < queuePolls + runPolls ? "IN_PROGRESS" : "COMPLETED";
  }

  /** Counts a status poll answered for this job (in memory only: a restart shows states again). */
  countPoll(job: Job): void {
    job.polls = (job.polls ?? 0) + 1;
  }

  /** Jobs queued ahead of this one. */
  queuePosition(job: Job, now = Date.now()): number {
    this.line.advance((front) => this.stateOf(front, now) === "IN_QUEUE");
    return this.line.ahead(job);
  }

  get size(): number {
    return this.jobs.size;
  }
}
