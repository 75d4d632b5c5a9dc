/**
 * Deadlines for many short calls at once, checked by one coarse timer instead of a timer per call
 * (undici keeps its own request timeouts the same way): a call costs a list entry and one promise,
 * not a timer to create and clear. The price is precision: a deadline fires up to a tenth of
 * itself late (at most 1 s), which is nothing next to a 60 s per-attempt deadline.
 *
 * Pending calls sit in an array, each entry knowing its slot (removal moves the last entry into
 * it), not in a Set: a status poll adds and removes one entry, and hashing a fresh object into a
 * long-lived Set cost more than the rest of the race (about 0.5 us a call, and garbage the
 * collector had to trace).
 */
export class DeadlineWatch {
  readonly #watched: Watched[] = [];
  #sweeper: ReturnType<typeof setInterval> | undefined;
  readonly #periodMs: number;
  readonly #timeoutMs: number;

  constructor(timeoutMs: number) {
    this.#timeoutMs = timeoutMs;
    this.#periodMs = Math.min(1_000, Math.max(1, Math.ceil(timeoutMs / 10)));
  }

  /**
   * Settles like `work`, or rejects with `timeout()` once the deadline has passed first. `onLate`
   * then receives `work`'s value when it comes, to release it.
   */
  race<T>(work: Promise<T>, timeout: () => Error, onLate: (value: T) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const entry: Watched = {
        deadline: Date.now() + this.#timeoutMs,
        expire: () => {
          reject(timeout());
          work.then(onLate, () => undefined);
        },
        slot: -1,
      };
      this.#watch(entry);
      work.then(
        (value) => {
          this.#unwatch(entry);
          resolve(value);
        },
        (error: unknown) => {
          this.#unwatch(entry);
          reject(error);
        },
      );
    });
  }

  #watch(entry: Watched): void {
    entry.slot = this.#watched.push(entry) - 1;
    if (this.#sweeper !== undefined) return;
    this.#sweeper = setInterval(() => this.#sweep(), this.#periodMs);
    // Unref'd where the host has it (Node, Deno, Bun; a browser's timer is a plain number): a
    // pending deadline alone never keeps the process alive; the call it guards does.
    (this.#sweeper as { unref?: () => void }).unref?.();
  }

  /** Takes the entry out; a second call (expired, then settled late) does nothing. */
  #unwatch(entry: Watched): void {
    if (entry.slot < 0) return;
    const last = this.#watched.pop()!;
    if (last !== entry) this.#watched[(last.slot = entry.slot)] = last;
    entry.slot = -1;
  }

  #sweep(): void {
    const now = Date.now();
    // Backwards: an entry moved into a freed slot comes from the end, already looked at.
    for (let i = this.#watched.length - 1; i >= 0; i--) {
      const entry = this.#watched[i];
      if (entry && entry.deadline <= now) {
        this.#unwatch(entry);
        entry.expire();
      }
    }
    // Idle until the next call: no timer runs for a client that is not calling.
    if (this.#watched.length === 0) {
      clearInterval(this.#sweeper);
      this.#sweeper = undefined;
    }
  }
}

interface Watched {
  deadline: number;
  expire: () => void;
  /** Its index in `watched`; -1 once settled or expired. */
  slot: number;
}
