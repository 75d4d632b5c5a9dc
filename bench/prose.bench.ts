/**
 * Prose parsing time on adversarial descriptions at 3k, 30k and 300k characters, per class.
 * Linear means 10x the input costs at most about 10x the time (target <= 12x).
 * Every sample lasts at least 20 ms (a small input is parsed as many times as that takes, and the
 * time divided), so no size is lost in the timer's or the scheduler's noise; each size prints
 * the median per parse and the min-max of its samples, so a noisy run shows itself. Growth is
 * taken between the fastest samples: parsing is deterministic, and a busy machine only adds time.
 * Usage: npm run bench:prose [-- --runs 7]
 */
import { parseArgs } from "node:util";
import { parseProse } from "../scripts/lib/infer/parse-prose.js";
import { ADVERSARIAL_PROSE, sized } from "../test/helpers/adversarial-prose.js";
import { formatTable, median } from "./lib/measure.js";

const { values } = parseArgs({ options: { runs: { type: "string", default: "7" } } });
const runs = Number(values.runs);
const sizes = [3_000, 30_000, 300_000];
const SAMPLE_FLOOR_MS = 20;

/** Per-parse milliseconds of `runs` samples, each at least SAMPLE_FLOOR_MS long. */
function perParseMs(text: string): number[] {
  // Calibrate (this also warms the parser up): how many parses make one sample long enough.
  let repeats = 1;
  for (;;) {
    const started = performance.now();
    for (let r = 0; r < repeats; r++) parseProse(text);
    const took = performance.now() - started;
    if (took >= SAMPLE_FLOOR_MS) break;
    repeats = Math.ceil(repeats * Math.min(10, (SAMPLE_FLOOR_MS * 1.2) / Math.max(took, 0.01)));
  }
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    for (let r = 0; r < repeats; r++) parseProse(text);
    samples.push((performance.now() - started) / repeats);
  }
  return samples;
}

const ms = (t: number) => (t >= 10 ? t.toFixed(0) : t >= 1 ? t.toFixed(1) : t.toFixed(3));
console.log(
  `Prose parsing, adversarial text: ms per parse, median (min-max) of ${runs} samples of >= ${SAMPLE_FLOOR_MS} ms each (Node ${process.version})\n`,
);
const rows: string[][] = [];
let worst = 0;
for (const [name, make] of Object.entries(ADVERSARIAL_PROSE)) {
  const fastest: number[] = [];
  const cells: string[] = [];
  for (const size of sizes) {
    const samples = perParseMs(sized(make, size));
    fastest.push(Math.min(...samples));
    cells.push(`${ms(median(samples))} (${ms(Math.min(...samples))}-${ms(Math.max(...samples))})`);
  }
  const growth = fastest.slice(1).map((t, i) => t / fastest[i]!);
  worst = Math.max(worst, ...growth);
  rows.push([name, ...cells, ...growth.map((g) => `${g.toFixed(1)}x`)]);
}
console.log(formatTable(["class", "3k", "30k", "300k", "30k/3k", "300k/30k"], rows));
console.log(`\nworst growth per 10x input, fastest samples: ${worst.toFixed(1)}x (target <= 12x)`);
