import { afterEach, describe, expect, it, vi } from "vitest";
import { withDeadlineRace } from "../../../src/middleware/timeout.js";

/** A fetch whose response comes when the test says, with a body that records its release. */
function controlledFetch() {
  const calls: (RequestInit | undefined)[] = [];
  let respond!: () => void;
  let fail!: (error: Error) => void;
  const body = { cancelled: false };
  const fetchImpl = ((_input: RequestInfo | URL, init?: RequestInit) => {
    calls.push(init);
    return new Promise<Response>((resolve, reject) => {
      respond = () =>
        resolve(
          new Response(
            new ReadableStream({
              cancel() {
                body.cancelled = true;
              },
            }),
          ),
        );
      fail = reject;
    });
  }) as typeof fetch;
  return { fetchImpl, calls, body, respond: () => respond(), fail: (e: Error) => fail(e) };
}

/** Starts a call under fake timers and lets its deadline pass before any response comes. */
async function callPastItsDeadline(timeoutMs: number) {
  vi.useFakeTimers();
  const fake = controlledFetch();
  const call = withDeadlineRace(fake.fetchImpl, timeoutMs)("http://127.0.0.1/status");
  const settled = call.catch((error: unknown) => error);
  await vi.advanceTimersByTimeAsync(timeoutMs);
  return { fake, error: (await settled) as DOMException };
}

describe("the direct path's per-attempt deadline", () => {
  afterEach(() => vi.useRealTimers());

  it("rejects with a TimeoutError at the deadline, and releases the response that comes late", async () => {
    const { fake, error } = await callPastItsDeadline(100);
    expect(error.name).toBe("TimeoutError");
    expect(error.message).toBe("no response within 100 ms");
    // No signal was handed to fetch: that is the point of racing.
    expect(fake.calls[0]?.signal).toBeUndefined();
    fake.respond();
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.body.cancelled).toBe(true);
  });

  it("hands back a response within the deadline untouched, and leaves no timer running once idle", async () => {
    vi.useFakeTimers();
    const fake = controlledFetch();
    const call = withDeadlineRace(fake.fetchImpl, 100)("http://127.0.0.1/status");
    fake.respond();
    const response = await call;
    expect(response.bodyUsed).toBe(false);
    expect(fake.body.cancelled).toBe(false);
    // One coarse timer checks every deadline; it stops at its first tick with nothing to watch.
    await vi.advanceTimersByTimeAsync(10);
    expect(vi.getTimerCount()).toBe(0);
    expect(fake.body.cancelled).toBe(false);
  });

  it("swallows a failure that comes after the deadline (no unhandled rejection)", async () => {
    const { fake, error } = await callPastItsDeadline(50);
    expect(error.name).toBe("TimeoutError");
    fake.fail(new TypeError("fetch failed"));
    await vi.advanceTimersByTimeAsync(0);
  });

  it("really aborts when the caller gave a signal", async () => {
    const fake = controlledFetch();
    const caller = new AbortController();
    void withDeadlineRace(fake.fetchImpl, 60_000)("http://127.0.0.1/status", {
      signal: caller.signal,
    }).catch(() => undefined);
    const handed = fake.calls[0]?.signal;
    expect(handed).toBeInstanceOf(AbortSignal);
    caller.abort(new Error("stop"));
    expect(handed?.aborted).toBe(true);
  });

  it("times each call from its own start, many at once, up to a tenth of the deadline late", async () => {
    vi.useFakeTimers();
    const calls = [controlledFetch(), controlledFetch(), controlledFetch()];
    const race = withDeadlineRace(
      ((input: RequestInfo | URL, init?: RequestInit) =>
        calls[Number(String(input).slice(-1))]!.fetchImpl(input, init)) as typeof fetch,
      1_000,
    );
    const outcomes: string[] = [];
    const start = (i: number) =>
      race(`http://127.0.0.1/status/${i}`).then(
        () => outcomes.push(`${i} answered`),
        (error: Error) => outcomes.push(`${i} ${error.name}`),
      );
    const first = start(0);
    await vi.advanceTimersByTimeAsync(500);
    const second = start(1);
    const third = start(2);
    calls[2]!.respond();
    await vi.advanceTimersByTimeAsync(599); // 1,099 ms after the first call started
    expect(outcomes).toEqual(["2 answered", "0 TimeoutError"]);
    await vi.advanceTimersByTimeAsync(500); // 1,099 ms after the second
    expect(outcomes).toEqual(["2 answered", "0 TimeoutError", "1 TimeoutError"]);
    await Promise.all([first, second, third]);
  });

  it("is plain fetch without a deadline", () => {
    const fake = controlledFetch();
    expect(withDeadlineRace(fake.fetchImpl, 0)).toBe(fake.fetchImpl);
    expect(withDeadlineRace(fake.fetchImpl, undefined)).toBe(fake.fetchImpl);
  });
});
