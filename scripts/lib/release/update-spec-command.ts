import { readExport } from "./read-export.js";
import { UpdateSpecError } from "./update-spec-error.js";
import { JOURNAL_DIR, recoverInterruptedUpdate } from "./update-journal.js";
import { resolveUpdateSpecOptions, USAGE } from "./update-spec-options.js";

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
  const options = await resolveUpdateSpecOptions(argv, io.cwd, io.env);
  if (options === "help") {
    io.stdout(USAGE + "\n");
    return 0;
  }
  if (!(await recoverFirst(io, options.dryRun))) return 1;
  const source = await readExport(options.source, options.read);
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
  if (options.dryRun)
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

/**
 * Puts back what an interrupted earlier run had begun to change, so this run plans against the
 * files as they were released. False when the run must stop: a dry run (which writes nothing)
 * or files someone edited since the interruption (whose work is not overwritten).
 */
async function recoverFirst(io: CommandIo, dryRun: boolean): Promise<boolean> {
  const recovery = await recoverInterruptedUpdate(io.cwd, { dryRun });
  if (recovery.kind === "none") return true;
  const list = recovery.files.join(", ");
  if (recovery.kind === "refused") {
    io.stderr(
      `update-spec: an earlier update-spec was interrupted, and since then ${list} changed; ` +
        `nothing was put back. Keep or discard those edits, then remove ${JOURNAL_DIR}/ ` +
        `(it holds the files as they were before that update) and run again\n`,
    );
    return false;
  }
  if (dryRun) {
    io.stderr(
      `update-spec: an earlier update-spec was interrupted midway; run without --dry-run to put back the files it had begun to change (${list})\n`,
    );
    return false;
  }
  io.stderr(
    `update-spec: an earlier update-spec was interrupted midway; put back the files it had begun to change (${list})\n`,
  );
  return true;
}

/** Reproducible builds' convention: SOURCE_DATE_EPOCH (seconds) fixes the date when set. */
function releaseDate(io: CommandIo): string {
  const epoch = io.env.SOURCE_DATE_EPOCH;
  const date =
    epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : (io.now?.() ?? new Date());
  return date.toISOString().slice(0, 10);
}
