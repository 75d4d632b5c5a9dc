/**
 * `chainhub-generate`, the generator as this package ships it: a user's own export in, typed
 * contract out, for `createClient({ contract })`. Paths resolve from the working folder.
 *
 *   npx chainhub-generate --spec their-export.apifox.yaml --out src/api
 */
import { runGenerateCommand } from "./lib/cli/generate-command.js";
import { BIN_USAGE } from "./lib/options.js";

runGenerateCommand(process.argv.slice(2), process.cwd(), { usage: BIN_USAGE, requireSpec: true });
