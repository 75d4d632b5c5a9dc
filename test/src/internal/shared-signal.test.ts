import { getEventListeners } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { saveImages } from "../../../src/index.js";
import { useEmulator, validInput } from "../../helpers/emulator.js";

/**
 * One signal for many concurrent calls is how a batch or an app stops everything at once. Each
 * call's fetches, retries and sleeps listen on a signal of the call's own, so the shared one
 * collects nothing from them, and Node never prints its "possible EventTarget memory leak"
 * warning past ten listeners into a user's terminal.
 */
describe("a signal shared by many concurrent calls", () => {
  const { client } = useEmulator();
  const folder = mkdtempSync(join(tmpdir(), "shared-signal-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const warnings: Error[] = [];
  const onWarning = (warning: Error) => warnings.push(warning);
  beforeEach(() => void process.on("warning", onWarning));
  afterEach(() => void process.off("warning", onWarning));
  // process.emitWarning reports on the next tick.
  const leakWarnings = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    return warnings.filter((w) => w.name === "MaxListenersExceededWarning").map((w) => w.message);
  };

  it("collects no listeners from 16 runs (submit, polls, result) and no leak warning", async () => {
    const shared = new AbortController();
    const listening: number[] = [];
    const look = () => listening.push(getEventListeners(shared.signal, "abort").length);
    const runs = Array.from({ length: 16 }, (_, i) =>
      client().run(
        "falAiFluxProKontextMax",
        { ...validInput, prompt: `shared signal ${i}` },
        { signal: shared.signal, onProgress: look },
      ),
    );
    const results = await Promise.all(runs);
    expect(results.map((r) => r.data.images.length)).toEqual(Array(16).fill(1));
    expect(listening.length).toBeGreaterThanOrEqual(16);
    expect(Math.max(...listening)).toBe(0);
    expect(await leakWarnings()).toEqual([]);
  });

  it("still stops every run at once", async () => {
    const shared = new AbortController();
    const runs = Array.from({ length: 12 }, (_, i) =>
      client({ pollIntervalMs: 50 }).run(
        "falAiFluxProKontextMax",
        { ...validInput, prompt: `stopped ${i}` },
        { signal: shared.signal, onSubmitted: () => shared.abort(new Error("shutting down")) },
      ),
    );
    const outcomes = await Promise.allSettled(runs);
    expect(outcomes.every((o) => o.status === "rejected")).toBe(true);
    expect(await leakWarnings()).toEqual([]);
  });

  it("collects no listeners from 16 concurrent saveImages downloads", async () => {
    const { data } = await client().run("falAiFluxProKontextMax", validInput);
    const shared = new AbortController();
    const listening: number[] = [];
    // Looks once each download is on its way, while the others are too.
    const fetchAndLook: typeof fetch = (input, init) => {
      const response = fetch(input, init);
      listening.push(getEventListeners(shared.signal, "abort").length);
      return response;
    };
    const saves = Array.from({ length: 16 }, (_, i) =>
      saveImages(data, join(folder, `save-${i}`), { signal: shared.signal, fetch: fetchAndLook }),
    );
    expect((await Promise.all(saves)).map((s) => s.length)).toEqual(Array(16).fill(1));
    expect(listening).toHaveLength(16);
    expect(Math.max(...listening)).toBe(0);
    expect(await leakWarnings()).toEqual([]);
  });
});
