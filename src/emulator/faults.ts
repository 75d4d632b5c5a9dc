/** Failures the emulator injects on demand, each for a number of matching requests. */
export type FaultKind =
  | "429"
  | "500"
  | "503"
  | "504-user"
  | "reset"
  | "stall"
  | "malformed-json"
  | "truncated"
  /** On submit: the job is accepted, but its result endpoint answers 500 (a failed run). */
  | "job-failure";

/** Which requests a fault applies to. */
export type Route = "submit" | "status" | "result" | "cancel" | "cdn";

/** A failure to inject: what, where, how often. */
export interface Fault {
  /** What goes wrong: see {@link FaultKind}. */
  kind: FaultKind;
  /** @default every API route */
  route?: Route | "any";
  /** How many matching requests fail. @default 1 */
  times?: number;
  /** Seconds, sent as `Retry-After` with 429 and 503. */
  retryAfter?: number;
  /** How long a "stall" holds the connection before closing it. @default 30000 */
  stallMs?: number;
}

export class FaultPlan {
  private readonly pending: Fault[] = [];

  add(fault: Fault): void {
    this.pending.push({ ...fault, route: fault.route ?? "any", times: fault.times ?? 1 });
  }

  /** Takes one use of the first fault matching the route, if any. */
  take(route: Route): Fault | undefined {
    const faults = this.pending;
    const index = faults.findIndex(
      (f) => f.route === route || (f.route === "any" && route !== "cdn"),
    );
    if (index === -1) return undefined;
    const fault = faults[index]!;
    fault.times = (fault.times ?? 1) - 1;
    if (fault.times <= 0) faults.splice(index, 1);
    return fault;
  }

  clear(): void {
    this.pending.length = 0;
  }
}
