import { afterEach, describe, expect, it } from "vitest";
import { waitSignals } from "../../../src/internal/stop-waiting.js";

describe("waitSignals", () => {
  const any = Object.getOwnPropertyDescriptor(AbortSignal, "any")!;
  afterEach(() => Object.defineProperty(AbortSignal, "any", any));

  it("gives a wait a signal of its own that follows the caller's, so its polls do not listen on the caller's", () => {
    const caller = new AbortController();
    const { signal } = waitSignals({ signal: caller.signal });
    expect(signal).not.toBe(caller.signal);
    expect(signal?.aborted).toBe(false);
    caller.abort(new Error("stop"));
    expect((signal?.reason as Error).message).toBe("stop");
    expect(waitSignals({}).signal).toBeUndefined();
  });

  it("follows the caller and the deadline on a host without AbortSignal.any (Safari < 17.4)", async () => {
    Object.defineProperty(AbortSignal, "any", { value: undefined, configurable: true });
    const caller = new AbortController();
    const { signal, deadline } = waitSignals({ signal: caller.signal, timeoutMs: 60_000 });
    expect(signal?.aborted).toBe(false);
    caller.abort(new Error("stop"));
    expect(signal?.aborted).toBe(true);
    expect((signal?.reason as Error).message).toBe("stop");
    expect(deadline?.aborted).toBe(false);

    const early = waitSignals({ signal: AbortSignal.abort("gone"), timeoutMs: 60_000 }).signal;
    expect(early?.reason).toBe("gone");
    const late = waitSignals({ signal: new AbortController().signal, timeoutMs: 1 });
    await new Promise((resolve) => late.signal!.addEventListener("abort", resolve));
    expect((late.signal!.reason as DOMException).name).toBe("TimeoutError");
  });
});
