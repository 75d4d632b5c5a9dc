import { sleep } from "../../internal/sleep.js";

/**
 * One pause for the whole batch: when any request is told to slow down (429 with Retry-After),
 * no worker starts a new submit until that time has passed.
 */
export class RateGate {
  private until = 0;

  pause(ms: number): void {
    this.until = Math.max(this.until, Date.now() + ms);
  }

  async wait(signal?: AbortSignal): Promise<void> {
    while (Date.now() < this.until) await sleep(this.until - Date.now(), signal);
  }

  get pausedFor(): number {
    return Math.max(0, this.until - Date.now());
  }
}
