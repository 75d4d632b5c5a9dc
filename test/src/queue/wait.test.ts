import { afterEach, describe, expect, it, vi } from "vitest";
import { createClient } from "../../../src/index.js";
import { TEST_KEY } from "../../helpers/emulator.js";
import { seedContract } from "../../helpers/seed.js";

const BASE = "http://127.0.0.1:9";
const json = (body: unknown, status: number, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });

/**
 * A relay whose one job finishes `doneAfterMs` after the first poll, on the (fake) clock; it
 * records when each status poll arrived, and may ask for the next one later (`Retry-After`).
 */
function relay(doneAfterMs: number, retryAfter?: string) {
  const polls: number[] = [];
  const fetchImpl = (async (input: RequestInfo | URL) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!url.endsWith("/status")) return json({ images: [] }, 200);
    polls.push(Date.now());
    if (Date.now() - polls[0]! >= doneAfterMs) return json({ status: "COMPLETED" }, 200);
    return json({ status: "IN_QUEUE", queue_position: 0 }, 202, {
      ...(retryAfter ? { "retry-after": retryAfter } : {}),
    });
  }) as typeof fetch;
  const client = createClient({
    contract: seedContract,
    apiKey: TEST_KEY,
    baseUrl: BASE,
    fetch: fetchImpl,
  });
  const handle = client.queue.handleOf({ operation: "falAiFluxProKontextMax", requestId: "r-1" });
  const sinceFirst = () => polls.map((at) => at - polls[0]!);
  return { client, handle, sinceFirst };
}

describe("waiting for a queued job", () => {
  afterEach(() => vi.useRealTimers());

  it("sees a 100 ms job done within a few short polls, not after a whole 500 ms interval", async () => {
    vi.useFakeTimers();
    const { client, handle, sinceFirst } = relay(100);
    const done = client.wait(handle);
    await vi.advanceTimersByTimeAsync(1000);
    await done;
    expect(sinceFirst()).toEqual([0, 50, 125]);
  });

  it("comes back when the relay's Retry-After says, not sooner", async () => {
    vi.useFakeTimers();
    const { client, handle, sinceFirst } = relay(1500, "2");
    const done = client.wait(handle);
    await vi.advanceTimersByTimeAsync(2500);
    await done;
    expect(sinceFirst()).toEqual([0, 2000]);
  });

  it("keeps waiting under a deadline no timer can hold (past 24.8 days, Infinity) rather than giving up on the paid job at once", async () => {
    for (const timeoutMs of [3e9, Number.POSITIVE_INFINITY, -1]) {
      const { client, handle, sinceFirst } = relay(60);
      const { requestId } = await client.wait(handle, { timeoutMs });
      expect(requestId).toBe("r-1");
      expect(sinceFirst().at(-1)).toBeGreaterThanOrEqual(60);
    }
  });
});
