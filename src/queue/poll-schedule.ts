/** The shortest first pause: a job that takes a tenth of a second is seen done at once. */
const FIRST_MS = 50;
/** Each pause this much longer than the last, up to the longest. */
const BACKOFF = 1.5;
/** A relay's `Retry-After` on a status longer than this is read as this (hostile or broken). */
const LONGEST_HINT_MS = 60_000;

/**
 * When to poll a job's status next. Short first, so that short jobs are not held back by a fixed
 * interval (500 ms used to cap 100 ms jobs at a fifth of their rate), then backing off to
 * `longestMs` so that long jobs cost few requests. A change of state (queued to running) starts
 * again from the shortest pause: the job has just moved, and may finish soon. A relay that says
 * when to come back (`Retry-After` on a 202) is taken at its word.
 */
export class PollSchedule {
  readonly #longestMs: number;
  readonly #firstMs: number;
  #delayMs: number;
  #lastState: string | undefined;

  constructor(longestMs: number) {
    this.#longestMs = longestMs;
    this.#firstMs = Math.min(FIRST_MS, longestMs);
    this.#delayMs = this.#firstMs;
  }

  /** The pause before the next poll, given what this one answered. */
  next(state: string, retryAfterMs?: number): number {
    if (state !== this.#lastState) this.#delayMs = this.#firstMs;
    this.#lastState = state;
    if (retryAfterMs !== undefined) return Math.min(Math.max(0, retryAfterMs), LONGEST_HINT_MS);
    const delay = this.#delayMs;
    this.#delayMs = Math.min(this.#longestMs, Math.round(this.#delayMs * BACKOFF));
    return delay;
  }
}
