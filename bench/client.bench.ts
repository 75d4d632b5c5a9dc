/**
 * The facade's cost, printed as ratios measured in one run (this machine is noisy):
 *  1. status polls per second against the emulator (in its own process): facade vs bare fetch
 *     (target >= 0.9x) and vs @fal-ai/client 1.10 driven through a request middleware;
 *  2. bundle size, min and min+gzip, vs @fal-ai/client (target <= 1/3);
 *  3. validation cost per request (target < 5 us), vs JSON.stringify of the same body.
 * Usage: npm run bench:client [-- --requests 3000 --concurrency 8]
 */
import { gzipSync } from "node:zlib";
import { parseArgs } from "node:util";
import { build } from "esbuild";
import { createFalClient } from "@fal-ai/client";
import { operationTable } from "../test/fixtures/seed/generated/index.gen.js";
import { seedContract } from "../test/helpers/seed.js";
import { createClient } from "../src/index.js";
import { validate } from "../src/validate/validate.js";
import { spawnEmulator } from "./lib/emulator-process.js";
import { formatTable } from "./lib/measure.js";

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "3000" },
    concurrency: { type: "string", default: "8" },
    rounds: { type: "string", default: "3" },
  },
});
const total = Number(values.requests);
const concurrency = Number(values.concurrency);
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

async function requestsPerSecond(task: () => Promise<unknown>): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < total) await task();
    }),
  );
  return total / ((performance.now() - start) / 1000);
}

const emulator = await spawnEmulator([
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
]);
try {
  const client = createClient({ contract: seedContract, apiKey: key, baseUrl: emulator.url });
  const handle = await client.queue.submit("falAiFluxProKontextMax", input);
  const statusUrl = `${emulator.url}${handle.urls.status}`;
  const bare = () =>
    fetch(statusUrl, { headers: { authorization: `Bearer ${key}` } }).then((r) => r.json());
  const facade = () => client.queue.status(handle);
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
  const falClient = () =>
    fal.queue.status("fal-ai/flux-pro/kontext/max", { requestId: handle.requestId });
  await Promise.all([bare(), facade(), falClient()]);

  const best = { bare: 0, facade: 0, fal: 0 };
  for (let round = 0; round < rounds; round++) {
    best.bare = Math.max(best.bare, await requestsPerSecond(bare));
    best.facade = Math.max(best.facade, await requestsPerSecond(facade));
    best.fal = Math.max(best.fal, await requestsPerSecond(falClient));
  }
  console.log(
    `1. Status polls per second (${total} requests x ${rounds} rounds, ${concurrency} in flight, best round)`,
  );
  console.log(
    formatTable(
      ["client", "req/s", "vs bare fetch"],
      [
        ["bare fetch", best.bare.toFixed(0), "1.00x"],
        [
          "this facade",
          best.facade.toFixed(0),
          `${(best.facade / best.bare).toFixed(2)}x (target >= 0.9x)`,
        ],
        ["@fal-ai/client 1.10", best.fal.toFixed(0), `${(best.fal / best.bare).toFixed(2)}x`],
      ],
    ),
  );
  console.log(`   facade vs @fal-ai/client: ${(best.facade / best.fal).toFixed(2)}x`);
} finally {
  emulator.stop();
}

async function bundleSize(entry: string): Promise<{ min: number; gzip: number }> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "node",
    write: false,
    logLevel: "silent",
    legalComments: "none",
  });
  const code = result.outputFiles[0]!.contents;
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}
const ours = await bundleSize("src/index.ts");
const theirs = await bundleSize("node_modules/@fal-ai/client/src/index.js");
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
console.log("\n2. Bundle size (esbuild, minified, ESM, node builtins external)");
console.log(
  formatTable(
    ["bundle", "min", "min+gzip"],
    [
      ["this facade", kb(ours.min), kb(ours.gzip)],
      ["@fal-ai/client 1.10", kb(theirs.min), kb(theirs.gzip)],
      [
        "ratio (target <= 0.33)",
        (ours.min / theirs.min).toFixed(2),
        (ours.gzip / theirs.gzip).toFixed(2),
      ],
    ],
  ),
);

const schema = operationTable.falAiFluxProKontextMax.body.schema;
const iterations = 200_000;
const time = (task: () => unknown) => {
  for (let i = 0; i < 10_000; i++) task();
  const start = performance.now();
  for (let i = 0; i < iterations; i++) task();
  return ((performance.now() - start) * 1000) / iterations;
};
const validateUs = time(() => validate(input, schema));
const stringifyUs = time(() => JSON.stringify(input));
console.log("\n3. Validation of one Kontext [max] body");
console.log(
  formatTable(
    ["step", "per request", "vs JSON.stringify"],
    [
      ["JSON.stringify (sent anyway)", `${stringifyUs.toFixed(2)} us`, "1.00x"],
      [
        "validate (target < 5 us)",
        `${validateUs.toFixed(2)} us`,
        `${(validateUs / stringifyUs).toFixed(2)}x`,
      ],
    ],
  ),
);
