/**
 * `npm run generate` from the prebuilt bundle (scripts/bin/generate.mjs builds it when stale):
 * the same command as scripts/generate.ts, run from the folder npm runs scripts in.
 */
import { runGenerateCommand } from "./lib/cli/generate-command.js";
import { USAGE } from "./lib/options.js";

runGenerateCommand(process.argv.slice(2), process.cwd(), { usage: USAGE, requireSpec: false });
