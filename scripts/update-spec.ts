/**
 * `npm run update-spec -- <file|url>`: one command from a new vendor export to a release PR.
 * See scripts/lib/release/update-spec-command.ts and `--help`.
 */
import { updateSpecCommand } from "./lib/release/update-spec-command.js";

process.exitCode = await updateSpecCommand(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
