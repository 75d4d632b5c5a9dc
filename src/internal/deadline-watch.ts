/**
 * Deadlines for many short calls at once, checked by one coarse timer instead of a timer per call
 * (undici keeps its own request timeouts the same way): a call costs a Set entry and one promise,
 * not a timer to create and clear. The price is precision: a deadline fires up to a tenth of
 * itself late (at most 1 s), which is nothing next to a 60 s per-attempt deadline.
 */
export class DeadlineWatch {
  private readonly watched = new Set<Watched>();
  private sweeper: ReturnType<typeof setInterval> | undefined;
  private readonly periodMs: number;

  constructor(private readonly timeoutMs: number) {
    this.periodMs = Math.min(1_000, Math.max(1, Math.ceil(timeoutMs / 10)));
  }

  /**
   * Settles like `work`, or rejects with `timeout()` once the deadline has passed first. `onLate`
   * then receives `work`'s value when it comes, to release it.
   */
  race<T>(work: Promise<T>, timeout: () => Error, onLate: (value: T) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const entry: Watched = {
        deadline: Date.now() + this.timeoutMs,
        expire: () => {
          reject(timeout());
          work.then(onLate, () => undefined);
        },
      };
      this.watch(entry);
      work.then(
        (value) => {
          this.watched.delete(entry);
          resolve(value);
        },
        (error: unknown) => {
          this.watched.delete(entry);
          reject(error);
        },
      );
    });
  }

  private watch(entry: Watched): void {
    this.watched.add(entry);
    if (this.sweeper !== undefined) return;
    this.sweeper = setInterval(() => this.sweep(), this.periodMs);
    // Unref'd where the host has it (Node, Deno, Bun; a browser's timer is a plain number): a
    // pending deadline alone never keeps the process alive; the call it guards does.
    (this.sweeper as { unref?: () => void }).unref?.();
  }

  private sweep(): void {
    const now = Date.now();
    for (const entry of this.watched)
      if (entry.deadline <= now) {
        this.watched.delete(entry);
        entry.expire();
      }
    // Idle until the next call: no timer runs for a client that is not calling.
    if (this.watched.size === 0) {
      clearInterval(this.sweeper);
      this.sweeper = undefined;
    }
  }
}

interface Watched {
  deadline: number;
  expire: () => void;
}
