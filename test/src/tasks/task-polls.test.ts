/**
 * Task-protocol jobs (`x-async-task`) are polled like queue jobs: short first, backing off to
 * `pollIntervalMs`, and when the provider asks (`Retry-After`). A fetch double on fake timers
 * records when each poll arrived.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { createClient } from "../../../src/index.js";
import { contract } from "../../fixtures/specs/luma/generated/index.gen.js";

const json = (body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: { "content-type": "application/json", ...headers },
  });

/**
 * A Luma-like provider whose one task reads "processing" until `doneAfterMs` after the first
 * poll, then "completed"; each poll's answer may carry a `Retry-After`.
 */
function provider(doneAfterMs: number, retryAfter?: string) {
  const polls: number[] = [];
  const fetchImpl = (async (input: RequestInfo | URL) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.endsWith("/luma/generations")) return json({ data: { task_id: "t-1" } });
    polls.push(Date.now());
    const done = Date.now() - polls[0]! >= doneAfterMs;
    return json(
      { data: { task_status: done ? "completed" : "processing", result: { video: "v" } } },
      retryAfter ? { "retry-after": retryAfter } : {},
    );
  }) as typeof fetch;
  const client = createClient({
    contract,
    apiKey: "sk-test-task-polls",
    baseUrl: "http://127.0.0.1:9",
    fetch: fetchImpl,
  });
  const input = {
    user_prompt: "wind in the forest",
    model_name: "ray-v2",
    duration: "5s",
    resolution: "720p",
  } as const;
  return {
    run: () => client.run("lumaGenerations", input),
    sinceFirst: () => polls.map((at) => at - polls[0]!),
  };
}

describe("waiting for a task", () => {
  afterEach(() => vi.useRealTimers());

  it("sees a 100 ms task done within a few short polls, not after a whole 500 ms interval", async () => {
    vi.useFakeTimers();
    const { run, sinceFirst } = provider(100);
    const done = run();
    await vi.advanceTimersByTimeAsync(1000);
    expect((await done).data).toEqual({ video: "v" });
    expect(sinceFirst()).toEqual([0, 50, 125]);
  });

  it("backs off to pollIntervalMs on a long task instead of polling at the first pace", async () => {
    vi.useFakeTimers();
    const { run, sinceFirst } = provider(3000);
    const done = run();
    await vi.advanceTimersByTimeAsync(5000);
    await done;
    const gaps = sinceFirst()
      .map((at, i, all) => at - (all[i - 1] ?? 0))
      .slice(1);
    expect(gaps.slice(0, 6)).toEqual([50, 75, 113, 170, 255, 383]);
    expect(gaps.slice(6).every((gap) => gap === 500)).toBe(true);
  });

  it("comes back when the provider's Retry-After says, not sooner", async () => {
    vi.useFakeTimers();
    const { run, sinceFirst } = provider(1500, "2");
    const done = run();
    await vi.advanceTimersByTimeAsync(2500);
    await done;
    expect(sinceFirst()).toEqual([0, 2000]);
  });
});
