/**
 * `npm run generate` from the prebuilt bundle (scripts/bin/generate.mjs builds it when stale):
 * the same command as scripts/generate.ts, run from the folder npm runs scripts in.
 */
import { statSync } from "node:fs";
import { join } from "node:path";
import { runGenerateCommand } from "./lib/cli/generate-command.js";
import { USAGE } from "./lib/options.js";

const root = process.cwd();
// Formatted texts are remembered beside the compile cache, and under the same switches: a run
// with NODE_DISABLE_COMPILE_CACHE (a cold run) or --debug formats everything afresh.
const cached = !process.env.NODE_DISABLE_COMPILE_CACHE && !process.argv.includes("--debug");
const bundle = statSync(__filename);
runGenerateCommand(process.argv.slice(2), root, {
  usage: USAGE,
  requireSpec: false,
  ...(cached && {
    formatMemo: {
      folder: join(root, "dist/generator/format-memo"),
      generatorId: `${bundle.size}-${bundle.mtimeMs}`,
    },
  }),
});
