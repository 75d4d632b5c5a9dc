/**
 * The yardstick of bench:batch: the ten lines a user would write instead of `kontext batch`, a
 * Promise pool over `client.run`, run as its own process on the same jobs file.
 * Usage: node --import tsx bench/lib/promise-pool.ts <jobs.jsonl> <concurrency>
 */
import { readFileSync } from "node:fs";
import { createClient } from "../../src/index.js";

const [file, concurrency] = process.argv.slice(2);
const jobs = readFileSync(file!, "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line) => JSON.parse(line));
const client = createClient();
let next = 0;
const worker = async () => {
  while (next < jobs.length) await client.run("falAiFluxProKontextMax", jobs[next++]);
};
await Promise.all(Array.from({ length: Number(concurrency) }, worker));
