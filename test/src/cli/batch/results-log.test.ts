import { mkdtempSync, readFileSync } from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ResultsLog } from "../../../../src/cli/batch/results-log.js";

afterEach(() => vi.restoreAllMocks());

describe("the batch's results log", () => {
  it("appends every line in order, and the lines that come during a write in one append", async () => {
    const out = mkdtempSync(join(tmpdir(), "results-log-"));
    // Node's own FileHandle, observed (not replaced): how many appends reach the thread pool.
    const probe = await open(join(out, "probe"), "w");
    const appends = vi.spyOn(
      Object.getPrototypeOf(probe) as { appendFile: () => unknown },
      "appendFile",
    );
    await probe.close();

    const log = await ResultsLog.open(out);
    for (let i = 0; i < 50; i++) log.add({ key: `job-${i}`, status: "done" });
    await log.close();

    const lines = readFileSync(join(out, "results.jsonl"), "utf8").trim().split("\n");
    expect(lines.map((line) => JSON.parse(line).key)).toEqual(
      Array.from({ length: 50 }, (_, i) => `job-${i}`),
    );
    // The first line goes out at once; the 49 queued behind it, together (one append each before).
    expect(appends.mock.calls.length).toBeLessThanOrEqual(2);
  });

  it("redacts a key a relay echoed into a line", async () => {
    const out = mkdtempSync(join(tmpdir(), "results-log-"));
    const log = await ResultsLog.open(out);
    log.add({ key: "job-1", error: "401: Authorization: Bearer sk-live-0123456789abcdef" });
    await log.close();
    expect(readFileSync(join(out, "results.jsonl"), "utf8")).not.toContain(
      "sk-live-0123456789abcdef",
    );
  });
});
