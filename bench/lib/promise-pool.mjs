/**
 * The yardstick of bench:batch: the ten lines a user would write instead of `kontext batch`, a
 * Promise pool over `client.run`, run as its own process on the same jobs file. Plain JavaScript
 * importing the built package, as a user's own script would (no TypeScript loader to start).
 * Usage: node bench/lib/promise-pool.mjs <package entry .js> <jobs.jsonl> <concurrency>
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [entry, file, concurrency] = process.argv.slice(2);
const { createClient } = await import(pathToFileURL(entry).href);
const jobs = readFileSync(file, "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line) => JSON.parse(line));
const client = createClient();
let next = 0;
const worker = async () => {
  while (next < jobs.length) await client.run("falAiFluxProKontextMax", jobs[next++]);
};
await Promise.all(Array.from({ length: Number(concurrency) }, worker));
