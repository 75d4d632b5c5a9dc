#!/usr/bin/env node
/**
 * `kontext`: edit images with FLUX.1 Kontext [max] from a terminal, or run a file of jobs.
 *   kontext edit --image ./in.jpg --prompt "..." [--aspect-ratio 16:9 ...]
 *   kontext run <operation> [flags]          any queue operation of the spec
 *   kontext batch jobs.jsonl [--concurrency 4 --out ./out]
 *   kontext wait <operation> <request-id>    resume waiting for a job submitted earlier
 *   kontext operations                       list the operations and their flags
 */
import { basename, extname, join } from "node:path";
import { runBatch } from "./batch/run-batch.js";
import { describeError, setDebugMode } from "./describe-error.js";
import { CliUsageError, EXIT } from "./exit-codes.js";
import { flagHelp, flagsFor, tokenize } from "./flags.js";
import {
  commonHelp,
  findOperation,
  runCommand,
  runnableOperations,
  waitCommand,
} from "./run-command.js";
import { useGeneratedFolder } from "./cli-spec.js";

/** The model `kontext edit` and batch files default to. */
const EDIT_OPERATION = "falAiFluxProKontextMax";

const USAGE = `Usage:
  kontext edit --image <file|url> --prompt <text> [flags]   edit one image (FLUX.1 Kontext [max])
  kontext run <operation> [flags]                           run any operation of the spec
  kontext batch <jobs.jsonl> [--concurrency 4] [--out ./out/<jobs>] [--state <file>]
                [--resubmit-unknown] [--retry-failed] [--rerun-changed] [--other-jobs-file]
                [--skip-invalid] [--emulator] [--json] [--poll-interval <ms>]
  kontext wait <operation> <request-id> [flags]             resume waiting for a job, then save it
  kontext operations                                        list operations and their flags
  kontext <command> --help                                  flags, allowed values, defaults
  --contract <dir>                                          another spec: a folder generate wrote
  --debug                                                   show stack traces of internal errors

Exit codes: 0 done, 1 API or job failure, 2 bad input (nothing sent), 130 interrupted.`;

async function main(args: string[]): Promise<number> {
  // `--contract <dir>` anywhere, the last one winning (as with any repeated flag).
  let argv = args;
  let contractDir: string | undefined;
  for (let at = argv.indexOf("--contract"); at !== -1; at = argv.indexOf("--contract")) {
    contractDir = argv[at + 1];
    if (!contractDir || contractDir.startsWith("--"))
      throw new CliUsageError("--contract needs a generated folder (generate --out <dir>)");
    argv = [...argv.slice(0, at), ...argv.slice(at + 2)];
  }
  if (contractDir) await useGeneratedFolder(contractDir);
  const [command, ...rest] = argv;
  switch (command) {
    case "edit":
      return runCommand(
        findOperation(EDIT_OPERATION),
        rest,
        "Usage: kontext edit --image <file|url> --prompt <text> [flags]",
      );
    case "run": {
      const [operation, ...flags] = rest;
      // `kontext <command> --help` is documented for every command: here it lists what runs.
      if (operation === "--help" || operation === "-h") {
        const ids = runnableOperations().map((d) => `  ${d.id}`);
        process.stdout.write(
          `Usage: kontext run <operation> [flags]\n\nOperations (kontext operations shows their flags; kontext run <operation> --help one's):\n${ids.join("\n")}\n`,
        );
        return EXIT.ok;
      }
      if (!operation || operation.startsWith("--"))
        throw new CliUsageError("kontext run needs an operation; see kontext operations");
      return runCommand(findOperation(operation), flags, `Usage: kontext run ${operation} [flags]`);
    }
    case "wait":
      return waitCommand(rest);
    case "batch":
      return batch(rest);
    case "operations":
      return listOperations();
    case "help":
    case "--help":
    case "-h":
      process.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    case undefined:
      throw new CliUsageError("no command given; see kontext --help");
    default:
      throw new CliUsageError(`unknown command "${command}"; see kontext --help`);
  }
}

async function batch(argv: string[]): Promise<number> {
  const switches = new Set([
    "--resubmit-unknown",
    "--retry-failed",
    "--rerun-changed",
    "--other-jobs-file",
    "--skip-invalid",
    "--emulator",
    "--json",
    "--help",
  ]);
  const known = new Set([
    ...switches,
    "--concurrency",
    "--out",
    "--state",
    "--base-url",
    "--poll-interval",
  ]);
  const { values, positionals } = tokenize(argv, switches, known);
  if (values.get("--help") === true) {
    process.stdout
      .write(`${USAGE}\n\nEach line of the jobs file is a JSON object of input fields (as in the API), with an optional
"id" (names the job and its output folder) and "operation" (default ${EDIT_OPERATION}).
A job without an id is named by its content (job-<digest>). *_url fields take URLs or local paths.
Results land in <out>/<id>/ and <out>/results.jsonl as jobs finish (default out: ./out/<jobs file
name>). The journal makes a re-run resume: submitted jobs are polled by request id, finished ones
skipped, never paid twice. A job is matched by id and content: one whose input changed since it
ran is reported, not reused (--rerun-changed runs it as new), and an out folder belongs to one
jobs file (--other-jobs-file to override). Every line is checked before the first submit: bad
lines are all reported with their numbers and nothing runs, unless --skip-invalid runs the others.\n`);
    return EXIT.ok;
  }
  if (positionals.length !== 1)
    throw new CliUsageError("kontext batch needs exactly one jobs file (JSON lines)");
  const concurrency = Number(values.get("--concurrency") ?? 4);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
    throw new CliUsageError(
      `--concurrency must be a whole number from 1 to 64, got "${String(values.get("--concurrency"))}"`,
    );
  const jobsPath = positionals[0]!;
  const state = values.get("--state");
  const poll = values.get("--poll-interval");
  if (poll !== undefined && !(Number(poll) > 0))
    throw new CliUsageError(
      `--poll-interval must be a positive number of milliseconds, got "${String(poll)}"`,
    );
  const baseUrl = values.get("--base-url");
  return runBatch({
    jobsFile: jobsPath,
    // Each jobs file gets its own default folder: two batches never share results by accident.
    out: String(values.get("--out") ?? join("out", basename(jobsPath, extname(jobsPath)))),
    ...(typeof state === "string" ? { statePath: state } : {}),
    concurrency,
    resubmitUnknown: values.get("--resubmit-unknown") === true,
    retryFailed: values.get("--retry-failed") === true,
    rerunChanged: values.get("--rerun-changed") === true,
    otherJobsFile: values.get("--other-jobs-file") === true,
    skipInvalid: values.get("--skip-invalid") === true,
    emulator: values.get("--emulator") === true,
    ...(typeof baseUrl === "string" ? { baseUrl } : {}),
    json: values.get("--json") === true,
    defaultOperation: EDIT_OPERATION,
    ...(poll !== undefined ? { pollIntervalMs: Number(poll) } : {}),
  });
}

function listOperations(): number {
  for (const descriptor of runnableOperations()) {
    process.stdout.write(
      `${descriptor.id}  ${descriptor.method.toUpperCase()} ${descriptor.path}\n  ${descriptor.summary ?? ""}\n${flagHelp(flagsFor(descriptor, new Set()))}\n\n`,
    );
  }
  process.stdout.write(`Common flags:\n${commonHelp()}\n`);
  return EXIT.ok;
}

const argv = process.argv.slice(2);
setDebugMode(argv.includes("--debug"));
main(argv.filter((arg) => arg !== "--debug")).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const { message, code } = describeError(error);
    process.stderr.write(`kontext: ${message}\n`);
    process.exitCode = code;
  },
);
