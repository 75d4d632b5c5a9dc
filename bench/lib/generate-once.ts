/**
 * One generation run in a fresh process, for the scaling bench: prints `{ ms, maxRssMb }` so
 * peak memory is this run's alone. Usage: node --import tsx bench/lib/generate-once.ts <spec>
 */
import { dirname, resolve } from "node:path";
import { generate } from "../../scripts/lib/generate.js";

const spec = resolve(process.argv[2]!);
const root = resolve(new URL("../..", import.meta.url).pathname);
const started = performance.now();
const result = await generate({
  root,
  spec,
  refRoot: dirname(spec),
  overlays: [],
  out: resolve(root, "generated"),
  check: true,
  infer: true,
  explain: false,
  strict: false,
  quiet: true,
});
if (!result.files) throw new Error("generation failed");
const ms = performance.now() - started;
// maxRSS is in kilobytes: the peak of this whole process, module loading included.
console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
