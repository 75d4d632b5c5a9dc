/**
 * Runs every spec of openapi-typescript's `examples/` folder (a checkout you provide; nothing is
 * downloaded) through `npm run generate`, type-checks each output under `--strict`, and prints a
 * table: spec, operations, time, warnings, constraints held back by the export's own examples,
 * and the result. Usage: npm run peer-suite -- <openapi-typescript checkout or examples folder>
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { typecheckStrict } from "../test/helpers/typecheck.js";
import { formatTable } from "./lib/measure.js";

const root = new URL("..", import.meta.url).pathname;
const given = process.argv[2];
if (!given) {
  console.error("peer-suite: give the path of an openapi-typescript checkout (see --help)");
  process.exit(2);
}
const candidates = [
  join(given, "packages/openapi-typescript/examples"),
  join(given, "examples"),
  given,
];
const examples = candidates.find(
  (dir) => existsSync(dir) && readdirSync(dir).some((f) => /\.(ya?ml|json)$/.test(f)),
);
if (!examples) {
  console.error(`peer-suite: no examples folder with specs under ${given}`);
  process.exit(2);
}

const specs = [
  ...readdirSync(examples)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .map((f) => join(examples, f)),
  join(examples, "digital-ocean-api/DigitalOcean-public.v2.yaml"),
].filter((f) => existsSync(f));

const rows: string[][] = [];
let failed = 0;
for (const spec of specs) {
  const out = join(mkdtempSync(join(tmpdir(), "peer-suite-")), "out");
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", "scripts/generate.ts", "--spec", resolve(spec), "--out", out],
    { cwd: root, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const count = (code: string) => (run.stderr.match(new RegExp(`\\[${code}\\]`, "g")) ?? []).length;
  let result = run.status === 0 ? "ok" : `generate failed: ${lastLine(run.stderr)}`;
  let operations = "-";
  if (run.status === 0) {
    const table = readFileSync(join(out, "operations.gen.ts"), "utf8");
    // One route per operation in the generated OperationIdByRoute map.
    operations = String(
      (table.match(/^\s+"(?:GET|PUT|POST|DELETE|OPTIONS|HEAD|PATCH|TRACE) \//gm) ?? []).length,
    );
    const tsc = typecheckStrict(out);
    if (tsc.status !== 0) result = `tsc --strict: ${lastLine(tsc.output)}`;
  }
  if (result !== "ok") failed++;
  rows.push([
    spec.slice(examples.length + 1),
    operations,
    `${seconds} s`,
    String((run.stderr.match(/: warning \[/g) ?? []).length),
    String(count("inferred-held-back")),
    result,
  ]);
}
console.log(
  formatTable(["spec", "operations", "time", "warnings", "inferences held back", "result"], rows),
);
console.log(
  `${specs.length - failed} of ${specs.length} specs generate and type-check under --strict`,
);
process.exitCode = failed > 0 ? 1 : 0;

function lastLine(text: string): string {
  return text.trim().split("\n").pop()?.slice(0, 120) ?? "";
}
