/**
 * The facade's cost on its hot path, printed as ratios measured in one run:
 *  1. status polls per second against the emulator (in its own process), at concurrency 1 and
 *     32: this facade vs bare fetch (target >= 0.95x), vs bare fetch with an abortable
 *     per-attempt deadline, vs openapi-fetch alone and vs @fal-ai/client 1.10 driven
 *     through a request middleware; beside each, the client process's CPU time per poll and
 *     the collector's share of it;
 *  2. validation cost per request (target < 5 us), vs JSON.stringify of the same body, from the
 *     built package.
 * This machine is shared and noisy, so each round interleaves the clients in chunks of polls
 * (forwards, then backwards), and each round's ratio compares clients measured in that round.
 * The verdict is the median round with a 95% interval (bench/lib/paired-ratios.ts), and what
 * else the machine ran meanwhile is printed beside it.
 * Bundle size and import time are bench:package's.
 * Usage: npm run bench:client [-- --rounds 21 --concurrency 1,32 --chunk <polls> --requests <polls>]
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import createFetchClient from "openapi-fetch";
import { createFalClient } from "@fal-ai/client";
import { seedContract } from "../test/helpers/seed.js";
import { PerformanceObserver } from "node:perf_hooks";
import { describeLoad, machineCpu, othersCores, processCpuMs } from "./lib/cpu-share.js";
import { pinToCpu, spawnEmulator } from "./lib/emulator-process.js";
import { formatTable, median } from "./lib/measure.js";
import { describeRatio, summarizeRatios } from "./lib/paired-ratios.js";
import { builtCopy } from "./lib/temp-checkout.js";

// The facade as users run it: the package's built entry, built in a temporary copy of the
// checkout (a build replaces dist/, which must not happen under whatever runs beside). Under tsx
// the sources carry its keep-names helpers, a call per closure the published file does not make.
const { createClient } = (await import(
  pathToFileURL(join(builtCopy("client"), "dist/js/index.js")).href
)) as typeof import("../src/index.js");

const { values } = parseArgs({
  options: {
    // Default: chunks of 10 polls per worker (at least 100), five chunks per client and round.
    requests: { type: "string" },
    chunk: { type: "string" },
    concurrency: { type: "string", default: "1,32" },
    rounds: { type: "string", default: "21" },
  },
});
/**
 * Chunks long enough that one collection pause (ours or the emulator's) does not double one, and
 * short enough that load from elsewhere lands on every client alike: at concurrency 32, chunks of
 * 320 polls gave a 95% interval half as wide as chunks of 100 at the same load.
 */
function sizes(concurrency: number): { total: number; chunk: number } {
  const chunk = values.chunk ? Number(values.chunk) : Math.max(100, 10 * concurrency);
  return { chunk, total: values.requests ? Number(values.requests) : 5 * chunk };
}
const rounds = Number(values.rounds);
const key = "sk-bench";
const input = {
  prompt: "Put a donut next to the flour.",
  image_url: "https://v3.fal.media/files/rabbit/x.png",
  output_format: "png",
  aspect_ratio: "16:9",
  num_images: 2,
  guidance_scale: 3.5,
  seed: 7,
} as const;

const FACADE = "this facade (deadline + retries)";
const DEADLINE = "bare fetch + a 60 s deadline";
const FAL = "@fal-ai/client 1.10";
const NO_DEADLINE = "this facade, timeoutMs: 0";

interface Sample {
  perSecond: number;
  cpuUsPerCall: number;
  /** Filled in at the end, from the collector's entries that fall in the client's chunks. */
  gcUsPerCall: number;
  /** When each of the client's chunks ran, to attribute the collector's pauses. */
  windows: [number, number][];
  /** The emulator's CPU per poll (10 ms steps, summed over the chunks: a rough figure). */
  emulatorUsPerCall: number;
  /** Cores' worth of CPU the rest of the machine used during the client's chunks. */
  others: number | undefined;
}

/**
 * No forced collection between chunks: a client that allocates more starts more scavenges, and
 * they fall in its own chunks as often as its share of the allocation says. Counted per client.
 */
const collections: { start: number; end: number }[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries())
    collections.push({ start: entry.startTime, end: entry.startTime + entry.duration });
}).observe({ entryTypes: ["gc"] });

/**
 * One round: every client polls `total` times, in chunks of `chunk` polls that alternate between
 * the clients (forwards, then backwards), so that a burst of load from elsewhere, which lasts
 * tens of milliseconds, lands on all of them alike instead of on one client's whole segment.
 */
async function measureRound(
  clients: [string, () => Promise<unknown>][],
  concurrency: number,
): Promise<Map<string, Sample>> {
  const { total, chunk } = sizes(concurrency);
  const sums = new Map(
    clients.map(([name]) => [
      name,
      { ms: 0, cpuUs: 0, emulatorMs: 0, busyMs: 0, totalMs: 0, windows: [] as [number, number][] },
    ]),
  );
  for (let done = 0, turn = 0; done < total; done += chunk, turn++) {
    const size = Math.min(chunk, total - done);
    for (const [name, task] of turn % 2 === 0 ? clients : [...clients].reverse()) {
      const sum = sums.get(name)!;
      let next = 0;
      const machine = machineCpu();
      const emulatorCpu = processCpuMs(emulator.pid) ?? Number.NaN;
      const cpu = process.cpuUsage();
      const start = performance.now();
      await Promise.all(
        Array.from({ length: Math.min(concurrency, size) }, async () => {
          while (next++ < size) await task();
        }),
      );
      const end = performance.now();
      const used = process.cpuUsage(cpu);
      const after = machineCpu();
      sum.ms += end - start;
      sum.cpuUs += used.user + used.system;
      sum.emulatorMs += (processCpuMs(emulator.pid) ?? Number.NaN) - emulatorCpu;
      if (machine && after) {
        sum.busyMs += after.busyMs - machine.busyMs;
        sum.totalMs += after.totalMs - machine.totalMs;
      }
      sum.windows.push([start, end]);
    }
  }
  return new Map(
    [...sums].map(([name, sum]) => [
      name,
      {
        perSecond: total / (sum.ms / 1000),
        cpuUsPerCall: sum.cpuUs / total,
        gcUsPerCall: 0,
        windows: sum.windows,
        emulatorUsPerCall: (sum.emulatorMs * 1000) / total,
        others: othersCores(
          { busyMs: 0, totalMs: 0 },
          sum.totalMs > 0 ? { busyMs: sum.busyMs, totalMs: sum.totalMs } : undefined,
          sum.cpuUs / 1000 + sum.emulatorMs,
        ),
      },
    ]),
  );
}

/** The collector's time inside each sample's chunks, per call. */
async function attributeCollections(samples: Sample[], total: number): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve)); // the observer reports asynchronously
  for (const sample of samples) {
    const ms = collections
      .filter((gc) => sample.windows.some(([start, end]) => gc.start >= start && gc.end <= end))
      .reduce((sum, gc) => sum + (gc.end - gc.start), 0);
    sample.gcUsPerCall = (ms * 1000) / total;
  }
}

// Client on core 0, emulator on core 1 (2-core machines): neither steals the other's core.
const pinned = pinToCpu(0);
const emulator = await spawnEmulator(
  [
    "--contract",
    new URL("../test/fixtures/seed/generated", import.meta.url).pathname,
    "--api-key",
    key,
    "--queue-ms",
    "0",
    "--run-ms",
    "0",
    "--image-scale",
    "0.1",
  ],
  pinned ? 1 : undefined,
);
try {
  const client = createClient({ contract: seedContract, apiKey: key, baseUrl: emulator.url });
  const noDeadline = createClient({
    contract: seedContract,
    apiKey: key,
    baseUrl: emulator.url,
    timeoutMs: 0,
  });
  const handle = await client.queue.submit("falAiFluxProKontextMax", input);
  const statusUrl = `${emulator.url}${handle.urls.status}`;
  const headers = { authorization: `Bearer ${key}` };
  const typed = createFetchClient<Record<string, never>>({ baseUrl: emulator.url, headers });
  const fal = createFalClient({
    credentials: key,
    requestMiddleware: async (request) => ({
      ...request,
      url: request.url.replace(/^https:\/\/queue\.fal\.run/, emulator.url),
      // fal adds `Authorization: Key ...` after this middleware, but lets the middleware's headers
      // override it when spelled the same way; the relay wants Bearer.
      headers: { ...request.headers, Authorization: `Bearer ${key}` },
    }),
  });
  // Like with like: every client polls the same status URL with the same Authorization header
  // and parses the same JSON body. The facade sits beside bare fetch in this list, so the two
  // are measured back to back in every round.
  const clients: [string, () => Promise<unknown>][] = [
    ["bare fetch", () => fetch(statusUrl, { headers }).then((r) => r.json())],
    [FACADE, () => client.queue.status(handle)],
    [NO_DEADLINE, () => noDeadline.queue.status(handle)],
    [
      DEADLINE,
      () => {
        // An abortable per-attempt deadline, as the facade keeps for a submit or a call with a
        // caller's signal (its polls race a coarse deadline instead).
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), 60_000);
        return fetch(statusUrl, { headers, signal: controller.signal })
          .then((r) => r.json())
          .finally(() => clearTimeout(timer));
      },
    ],
    [
      "openapi-fetch alone",
      () => (typed.GET as (path: string) => Promise<unknown>)(handle.urls.status),
    ],
    [FAL, () => fal.queue.status("fal-ai/flux-pro/kontext/max", { requestId: handle.requestId })],
  ];
  for (const [, task] of clients) await task();

  console.log(`${describeLoad()} before the polls`);
  for (const concurrency of String(values.concurrency).split(",").map(Number)) {
    const samples = new Map<string, Sample[]>(clients.map(([name]) => [name, []]));
    await measureRound(clients, concurrency); // warm-up at this concurrency, not counted
    for (let round = 0; round < rounds; round++)
      for (const [name, sample] of await measureRound(clients, concurrency))
        samples.get(name)!.push(sample);
    const { total, chunk } = sizes(concurrency);
    await attributeCollections([...samples.values()].flat(), total);
    // Each round's ratio compares clients measured in the same round.
    const bare = samples.get("bare fetch")!;
    const ratios = (name: string, pick: (s: Sample) => number) =>
      summarizeRatios(samples.get(name)!.map((sample, round) => pick(sample) / pick(bare[round]!)));
    const mid = (name: string, pick: (s: Sample) => number) => median(samples.get(name)!.map(pick));
    console.log(
      `\n1. Status polls, concurrency ${concurrency} (${total} polls per client and round, in chunks of ${chunk}, x ${rounds} rounds; medians)`,
    );
    console.log(
      formatTable(
        ["client", "polls/s", "vs bare fetch", "client CPU/poll", "vs bare fetch", "of it GC"],
        clients.map(([name]) => [
          name,
          mid(name, (s) => s.perSecond).toFixed(0),
          `${ratios(name, (s) => s.perSecond).median.toFixed(2)}x`,
          `${mid(name, (s) => s.cpuUsPerCall).toFixed(0)} us`,
          `${ratios(name, (s) => s.cpuUsPerCall).median.toFixed(2)}x`,
          `${mid(name, (s) => s.gcUsPerCall).toFixed(1)} us`,
        ]),
      ),
    );
    const all = [...samples.values()].flat();
    const others = all.map((s) => s.others).filter((v): v is number => v !== undefined);
    console.log(
      `   the rest of the machine used ${others.length ? `${median(others).toFixed(2)} cores (median segment; ${Math.min(...others).toFixed(2)}-${Math.max(...others).toFixed(2)})` : "an unknown share (no /proc)"}; the emulator ${median(bare.map((s) => s.emulatorUsPerCall)).toFixed(0)} us of CPU per bare poll`,
    );
    console.log(
      `   facade throughput vs bare fetch: ${describeRatio(
        ratios(FACADE, (s) => s.perSecond),
        0.95,
      )}`,
    );
    console.log(
      `   facade CPU per poll vs bare fetch: ${describeRatio(ratios(FACADE, (s) => s.cpuUsPerCall))}`,
    );
    console.log(
      `   facade vs bare fetch with the same deadline: ${(ratios(FACADE, (s) => s.perSecond).median / ratios(DEADLINE, (s) => s.perSecond).median).toFixed(2)}x; vs @fal-ai/client: ${(ratios(FACADE, (s) => s.perSecond).median / ratios(FAL, (s) => s.perSecond).median).toFixed(2)}x`,
    );
  }
  console.log(`${describeLoad()} after the polls`);
} finally {
  emulator.stop();
}

// From the built package, as the polls: under tsx the sources carry keep-names helpers that make a
// function created per call look several times slower than in the published file. Timed through
// the public `queue.validate`, which checks a body exactly as `submit` does before sending it.
const validating = createClient({
  contract: seedContract,
  apiKey: key,
  baseUrl: "http://127.0.0.1:9",
});
const iterations = 200_000;
const time = (task: () => unknown) => {
  for (let i = 0; i < 10_000; i++) task();
  const start = performance.now();
  for (let i = 0; i < iterations; i++) task();
  return ((performance.now() - start) * 1000) / iterations;
};
const validateUs = time(() => validating.queue.validate("falAiFluxProKontextMax", input));
const stringifyUs = time(() => JSON.stringify(input));
console.log("\n2. Validation of one Kontext [max] body");
console.log(
  formatTable(
    ["step", "per request", "vs JSON.stringify"],
    [
      ["JSON.stringify (sent anyway)", `${stringifyUs.toFixed(2)} us`, "1.00x"],
      [
        "queue.validate, built package (target < 5 us)",
        `${validateUs.toFixed(2)} us`,
        `${(validateUs / stringifyUs).toFixed(2)}x`,
      ],
    ],
  ),
);
