/**
 * Spec diff speed, as a ratio measured in one run: diffing two 500-endpoint exports (both sides
 * through the full repair/infer/overlay pipeline, plus the TypeScript surface) vs generating
 * one of them.
 * Usage: npm run bench:diff [-- --endpoints 500 --runs 3]
 *        npm run bench:diff -- --base old/spec.yaml --head new/spec.yaml [--runs 1]
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
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
    // Two versions of a real spec instead (multi-file: their $refs are read from disk), e.g.
    // DigitalOcean's specification/DigitalOcean-public.v2.yaml at two commits.
    base: { type: "string" },
    head: { type: "string" },
  },
});
const endpoints = Number(values.endpoints);
const runs = Number(values.runs);
const work = mkdtempSync(join(tmpdir(), "bench-diff-"));
const given = values.base !== undefined && values.head !== undefined;
const base = given ? resolve(values.base!) : join(work, "base.yaml");
const head = given ? resolve(values.head!) : join(work, "head.yaml");
if (!given) {
  writeFileSync(base, syntheticExport(endpoints, 0));
  writeFileSync(head, syntheticExport(endpoints, 1));
}
const specRoot = given ? dirname(base) : work;

let changes = 0;
const diffMs = await medianMs(runs, () => {
  const a = loadSide(base, specRoot, { kind: "none" });
  const b = loadSide(head, specRoot, { kind: "none" });
  changes =
    compareDocuments(a.document, b.document).length + diffSurface(a.document, b.document).length;
});
const generateMs = await medianMs(runs, () =>
  generate({
    root: specRoot,
    spec: base,
    refRoot: specRoot,
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
  given
    ? `Spec diff of ${values.base} -> ${values.head} (median of ${runs}; ${changes} changes found)`
    : `Spec diff of two ${endpoints}-endpoint exports (median of ${runs}; ${changes} changes found)`,
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
