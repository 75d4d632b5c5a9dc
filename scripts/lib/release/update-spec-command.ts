import { parseArgs } from "node:util";
import { readExport } from "./read-export.js";
import { UpdateSpecError } from "./update-spec-error.js";

export const USAGE = `Usage: npm run update-spec -- <file|url> [options]

Replaces the vendor export in spec/ byte for byte, regenerates generated/, diffs the contract
against the export it replaces, bumps package.json's version by what the diff finds (breaking:
major; any other contract change: minor; none: patch; before 1.0.0, breaking: minor and the
rest: patch) and writes the CHANGELOG.md entry. Prints a PR title, a blank line and the PR body.
A failure at any step leaves spec/, generated/, package.json (and its lock) and CHANGELOG.md
as they were.

Options:
  --dry-run            write nothing; print the title and body the update would have
  --token-env <name>   environment variable holding the URL's token, sent as a Bearer token
                       to that URL's origin only and never printed (default: CHAINHUB_EXPORT_TOKEN)
  --max-bytes <n>      refuse a larger export (default: 52428800)
  --timeout-ms <n>     give up a download after this long (default: 60000)
  -h, --help           show this help

A URL must be https: (http: only to loopback). The release date is today (UTC), or the day of
SOURCE_DATE_EPOCH when it is set.`;

/** Where the command reads and prints: the process's own, or a test's. */
export interface CommandIo {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  now?: () => Date;
}

/** Runs `update-spec` and returns its exit code: 0 done or nothing to do, 1 failed, 2 bad input. */
export async function updateSpecCommand(argv: string[], io: CommandIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UpdateSpecError) {
      io.stderr(`update-spec: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr(`update-spec: internal error: ${String((error as Error)?.stack ?? error)}\n`);
    return 1;
  }
}

async function run(argv: string[], io: CommandIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        "dry-run": { type: "boolean", default: false },
        "token-env": { type: "string", default: "CHAINHUB_EXPORT_TOKEN" },
        "max-bytes": { type: "string", default: String(50 * 1024 * 1024) },
        "timeout-ms": { type: "string", default: "60000" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    throw new UpdateSpecError(`${(error as Error).message} (see --help)`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE + "\n");
    return 0;
  }
  if (positionals.length !== 1)
    throw new UpdateSpecError(
      `expected one export, a file or a URL; got ${positionals.length} (see --help)`,
    );
  const source = await readExport(positionals[0]!, {
    cwd: io.cwd,
    token: io.env[values["token-env"]] || undefined,
    maxBytes: positiveInteger("--max-bytes", values["max-bytes"]),
    timeoutMs: positiveInteger("--timeout-ms", values["timeout-ms"]),
  });
  // The generator's libraries (TypeScript, ts-morph, prettier) load only when there is work.
  const { planUpdate } = await import("./plan-update.js");
  const { applyUpdate } = await import("./apply-update.js");
  const plan = await planUpdate(io.cwd, source, releaseDate(io));
  if (!plan) {
    io.stderr(
      `update-spec: ${source.label} is byte for byte the export in place; nothing to release\n`,
    );
    return 0;
  }
  if (plan.warnings.length > 0)
    io.stderr(
      `update-spec: ${plan.warnings.length} warning(s) about the new export (npm run generate prints them)\n`,
    );
  if (values["dry-run"])
    io.stderr(`update-spec: dry run, nothing written; would release ${plan.to}\n`);
  else {
    await applyUpdate(plan, io.cwd);
    io.stderr(
      `update-spec: released ${plan.from} -> ${plan.to} (${plan.decision.kind}): spec, generated/, package.json${plan.packageLock ? ", package-lock.json" : ""}, CHANGELOG.md written\n`,
    );
  }
  io.stdout(`${plan.pullRequest.title}\n\n${plan.pullRequest.body}`);
  return 0;
}

function positiveInteger(flag: string, text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new UpdateSpecError(`${flag} must be a positive whole number, got "${text}"`);
  return value;
}

/** Reproducible builds' convention: SOURCE_DATE_EPOCH (seconds) fixes the date when set. */
function releaseDate(io: CommandIo): string {
  const epoch = io.env.SOURCE_DATE_EPOCH;
  const date =
    epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : (io.now?.() ?? new Date());
  return date.toISOString().slice(0, 10);
}
