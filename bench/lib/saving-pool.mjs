/**
 * The second yardstick of bench:batch: the same Promise pool over `client.run`, but keeping what
 * it paid for the way a user must (results expire upstream), as the batch does: each job's images
 * through `saveImages` and its result as JSON, in a folder of its own under <out>. No journal, no
 * resume: the difference from `kontext batch` is what those cost.
 * Usage: node bench/lib/saving-pool.mjs <package entry .js> <jobs.jsonl> <concurrency> <out>
 */
import { mkdir, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [entry, file, concurrency, out] = process.argv.slice(2);
const { createClient, saveImages } = await import(pathToFileURL(entry).href);
const jobs = readFileSync(file, "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line) => JSON.parse(line));
const client = createClient();
let next = 0;
const worker = async () => {
  while (next < jobs.length) {
    const index = next++;
    const { requestId, data } = await client.run("falAiFluxProKontextMax", jobs[index]);
    const dir = join(out, `job-${index}`);
    await mkdir(dir, { recursive: true });
    await saveImages(data, dir);
    await writeFile(join(dir, "result.json"), JSON.stringify({ requestId, data }, null, 2));
  }
};
await Promise.all(Array.from({ length: Number(concurrency) }, worker));
