/**
 * `npm run generate`: the raw apifox export in spec/ -> generated/. See scripts/README.md.
 * Paths resolve from this repository's root; the spec and overlays default to spec/.
 */
import { fileURLToPath } from "node:url";
import { dirname, resolve } from "node:path";
import { runGenerateCommand } from "./lib/cli/generate-command.js";
import { USAGE } from "./lib/options.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
runGenerateCommand(process.argv.slice(2), root, { usage: USAGE, requireSpec: false });
