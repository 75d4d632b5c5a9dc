import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../../src/emulator/index.js";
import { createClient } from "../../../src/index.js";
import { createProxy, toNodeHandler } from "../../../src/proxy/index.js";
import { validInput } from "../../helpers/emulator.js";
import { seedContract, seedSpec } from "../../helpers/seed.js";

const KEY = "sk-server-side-load-0123456789";
const JOBS = 200;
const MiB = 1024 * 1024;

// A collection before each reading, so the figures are what is retained, not garbage pending.
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;
const heapAfterGc = () => {
  collect();
  return process.memoryUsage().heapUsed;
};

describe("createProxy under load: 200 concurrent browser-style jobs", () => {
  let emulator: Emulator;
  let proxy: Server;
  let proxyUrl: string;
  let peakRss = 0;
  let proxied = 0;

  beforeAll(async () => {
    emulator = await startEmulator({
      spec: seedSpec,
      apiKey: KEY,
      timing: { queueMs: 0, runMs: 0 },
      imageScale: 0.01,
    });
    const handle = createProxy({
      contract: seedContract,
      allow: ["falAiFluxProKontextMax"],
      apiKey: KEY,
      baseUrl: emulator.url,
      prefix: "/api/chainhub",
    });
    // Memory is read on every request the proxy serves: a measurement, not a timed race.
    proxy = createServer(
      toNodeHandler(async (request) => {
        proxied++;
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        return handle(request);
      }),
    );
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/api/chainhub`;
  });
  afterAll(async () => {
    proxy.closeAllConnections();
    proxy.close();
    await emulator.close();
  });

  /** What a page sends: no key, but its cookies, its origin and whatever headers its code adds. */
  const browser = createClient({
    contract: seedContract,
    proxyUrl: "http://placeholder.invalid",
    pollIntervalMs: 5,
    maxRetries: 0,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const url = new URL(request.url);
      const headers = new Headers(request.headers);
      headers.set("cookie", "session=browser-session");
      headers.set("origin", "http://app.test");
      headers.set("x-fal-queue-priority", "low");
      return fetch(`${proxyUrl}${url.pathname}${url.search}`, {
        method: request.method,
        headers,
        body: ["GET", "HEAD"].includes(request.method) ? null : await request.arrayBuffer(),
      });
    },
  });
  const runJobs = async (count: number) => {
    const results = await Promise.all(
      Array.from({ length: count }, () => browser.run("falAiFluxProKontextMax", validInput)),
    );
    return results.filter((r) => r.data.images.length === 1).length;
  };

  it("completes every job, and what it retains does not grow with the jobs it served", async () => {
    expect(await runJobs(20)).toBe(20); // warm-up: connections, JIT, lazily built tables
    const heapBefore = heapAfterGc();
    const rssBefore = process.memoryUsage().rss;
    peakRss = rssBefore;
    const servedBefore = proxied;

    expect(await runJobs(JOBS)).toBe(JOBS);
    const heapAfter = heapAfterGc();

    // Submit, at least one status poll and the result for each job went through the proxy.
    expect(proxied - servedBefore).toBeGreaterThanOrEqual(JOBS * 3);
    expect(emulator.stats.submits.falAiFluxProKontextMax).toBe(JOBS + 20);
    // Generous bounds, loopback only. Retained growth: a leak of even one 64 KiB buffer per
    // request would be 40 MiB. Peak: 200 jobs in flight hold small JSON bodies, not megabytes.
    expect(heapAfter - heapBefore).toBeLessThan(16 * MiB);
    expect(peakRss - rssBefore).toBeLessThan(192 * MiB);
  });
});
