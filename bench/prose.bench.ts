/**
 * Prose parsing time on adversarial descriptions at 1k, 10k and 100k characters, per class.
 * Linear means 10x the input costs at most about 10x the time (target <= 12x).
 * Usage: npm run bench:prose [-- --runs 5]
 */
import { parseArgs } from "node:util";
import { parseProse } from "../scripts/lib/infer/parse-prose.js";
import { ADVERSARIAL_PROSE, sized } from "../test/helpers/adversarial-prose.js";
import { formatTable, medianMs } from "./lib/measure.js";

const { values } = parseArgs({ options: { runs: { type: "string", default: "7" } } });
const runs = Number(values.runs);
const sizes = [1_000, 10_000, 100_000];

console.log(`Prose parsing, adversarial text (median of ${runs} runs, Node ${process.version})\n`);
const rows: string[][] = [];
let worst = 0;
for (const [name, make] of Object.entries(ADVERSARIAL_PROSE)) {
  const times: number[] = [];
  for (const size of sizes) {
    const text = sized(make, size);
    // Each sample parses the same amount of text (repeating small inputs), so small sizes are
    // not lost in timer noise and every size runs as warm.
    const repeats = Math.ceil(sizes.at(-1)! / size);
    const total = await medianMs(runs, () => {
      for (let r = 0; r < repeats; r++) parseProse(text);
    });
    times.push(total / repeats);
  }
  const growth = times.slice(1).map((t, i) => t / times[i]!);
  worst = Math.max(worst, ...growth);
  rows.push([
    name,
    ...times.map((t) => `${t.toFixed(2)} ms`),
    ...growth.map((g) => `${g.toFixed(1)}x`),
  ]);
}
console.log(formatTable(["class", "1k", "10k", "100k", "10k/1k", "100k/10k"], rows));
console.log(`\nworst growth per 10x input: ${worst.toFixed(1)}x (target <= 12x)`);
