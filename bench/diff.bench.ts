/**
 * Spec diff speed, as a ratio measured in one run: diffing two 500-endpoint exports (both sides
 * through the full repair/infer/overlay pipeline, plus the TypeScript surface) vs generating
 * one of them.
 * Usage: npm run bench:diff [-- --endpoints 500 --runs 3]
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { compareDocuments } from "../scripts/lib/diff/compare-document.js";
import { loadSide } from "../scripts/lib/diff/load-side.js";
import { diffSurface } from "../scripts/lib/diff/surface-diff.js";
import { generate } from "../scripts/lib/generate.js";
import { formatTable, medianMs } from "./lib/measure.js";
import { syntheticExport } from "./lib/synthetic-export.js";

const { values } = parseArgs({
  options: {
    endpoints: { type: "string", default: "500" },
    runs: { type: "string", default: "3" },
  },
});
const endpoints = Number(values.endpoints);
const runs = Number(values.runs);
const work = mkdtempSync(join(tmpdir(), "bench-diff-"));
const base = join(work, "base.yaml");
const head = join(work, "head.yaml");
writeFileSync(base, syntheticExport(endpoints, 0));
writeFileSync(head, syntheticExport(endpoints, 1));

let changes = 0;
const diffMs = await medianMs(runs, () => {
  const a = loadSide(base, work, { kind: "none" });
  const b = loadSide(head, work, { kind: "none" });
  changes =
    compareDocuments(a.document, b.document).length + diffSurface(a.document, b.document).length;
});
const generateMs = await medianMs(runs, () =>
  generate({
    root: work,
    spec: base,
    refRoot: work,
    overlays: [],
    out: join(work, "out"),
    check: false,
    infer: true,
    explain: false,
    strict: false,
    quiet: true,
  }),
);

console.log(
  `Spec diff of two ${endpoints}-endpoint exports (median of ${runs}; ${changes} changes found)`,
);
console.log(
  formatTable(
    ["task", "time", "vs generate"],
    [
      ["generate one export", `${generateMs.toFixed(0)} ms`, "1.00x"],
      ["diff two exports", `${diffMs.toFixed(0)} ms`, `${(diffMs / generateMs).toFixed(2)}x`],
    ],
  ),
);
