import { basename } from "node:path";
import { AbortedError } from "../index.js";
import type { OperationDescriptor } from "../internal/contract.js";
import { cliOperations } from "./cli-spec.js";
import type { QueueOperation } from "../queue/types.js";
import type { RunOptions } from "../client.js";
import { connect, type Connection } from "./connect.js";
import { describeError } from "./describe-error.js";
import { emulatedNote } from "./emulated-note.js";
import { CliUsageError, EXIT } from "./exit-codes.js";
import { bodyFromFlags, flagHelp, flagOf, flagsFor, tokenize } from "./flags.js";
import { JobReporter } from "./job-reporter.js";
import { prepareOutFolder } from "./batch/out-folder.js";
import { saveResultImages } from "./save-result.js";
import { printable, printableJson } from "./safe-output.js";
import { userPathsToFiles } from "./user-paths.js";

const COMMON_SWITCHES = ["--json", "--verbose", "--emulator", "--help"];
const COMMON_VALUES = ["--out", "--timeout", "--base-url", "--poll-interval"];

export function commonHelp(): string {
  return [
    "  --out <dir>          where results are saved (default: ./out)",
    "  --json               print the typed result as JSON on stdout (progress stays on stderr)",
    "  --verbose            show the job's log lines",
    "  --timeout <seconds>  give up (and cancel the job) after this long",
    "  --emulator           run against a local emulator instead of the API (no key needed)",
    "  --base-url <url>     another relay (default: CHAINHUB_BASE_URL, else the spec's server)",
    "  --poll-interval <ms> longest pause between status polls, which start at 50 ms (default: 500)",
    "  The API key comes from CHAINHUB_API_KEY and is never printed.",
  ].join("\n");
}

/**
 * The operations `kontext run` can follow to their end: fal's queue ones and those with a
 * declared task protocol (`x-async-task`), in spec order.
 */
export function runnableOperations(): OperationDescriptor[] {
  return cliOperations()
    .all()
    .filter((d) => d.queue || d.task !== undefined);
}

export function findOperation(name: string): OperationDescriptor {
  const operations = cliOperations();
  const found = operations.findQueue(name) ?? operations.task(name);
  if (found) return found;
  const other = operations.find(name);
  const known = runnableOperations()
    .map((d) => d.id)
    .join(", ");
  throw new CliUsageError(
    other
      ? `"${other.id}" is not run as a job: its spec declares neither x-fal-queue nor x-async-task (the generator's task-without-protocol warning prints the overlay to add); runnable: ${known}`
      : `unknown operation "${name}"; known: ${known}`,
  );
}

/** Runs one job of any queue or task operation from flags: validate, submit, show progress, save, print. */
export async function runCommand(
  descriptor: OperationDescriptor,
  argv: string[],
  usage: string,
): Promise<number> {
  const reserved = new Set([...COMMON_SWITCHES, ...COMMON_VALUES]);
  const specs = flagsFor(descriptor, reserved);
  const switches = new Set([
    ...COMMON_SWITCHES,
    ...specs.filter((s) => s.schema.type === "boolean").flatMap((s) => [s.flag, ...s.aliases]),
  ]);
  try {
    const known = new Set([...reserved, ...specs.flatMap((s) => [s.flag, ...s.aliases])]);
    const { values, positionals } = tokenize(argv, switches, known);
    if (values.get("--help") === true) {
      process.stdout.write(
        `${usage}\n\n${descriptor.summary ?? descriptor.path}\n\nFlags from the API spec:\n${flagHelp(specs)}\n\nCommon flags:\n${commonHelp()}\n`,
      );
      return EXIT.ok;
    }
    if (positionals.length > 0)
      throw new CliUsageError(`unexpected argument "${positionals[0]}"\n${usage}`);
    const body = bodyFromFlags(values, specs);
    const missing = specs.filter(
      (s) => s.required && s.schema.default === undefined && body[s.property] === undefined,
    );
    if (missing.length > 0)
      throw new CliUsageError(missing.map((s) => `missing ${s.flag} (required)`).join("\n"));
    return await execute(descriptor, values, specs, (client, options) =>
      client.run(
        descriptor.id as QueueOperation,
        userPathsToFiles(body, (property) => flagOf(specs, property)) as never,
        options,
      ),
    );
  } catch (error) {
    const { message, code } = describeError(error, specs);
    process.stderr.write(`kontext: ${message}\n`);
    return code;
  }
}

/** Resumes waiting for a job submitted earlier (by any run), then saves and prints it as `run` does. */
export async function waitCommand(argv: string[]): Promise<number> {
  const usage = "Usage: kontext wait <operation> <request-id> [flags]";
  try {
    const switches = new Set(COMMON_SWITCHES);
    const { values, positionals } = tokenize(
      argv,
      switches,
      new Set([...COMMON_SWITCHES, ...COMMON_VALUES]),
    );
    if (values.get("--help") === true) {
      process.stdout.write(
        `${usage}\n\nWaits for a job submitted earlier (its request id is in the message of a run that stopped), then saves its result; nothing is submitted or paid again.\n\nFlags:\n${commonHelp()}\n`,
      );
      return EXIT.ok;
    }
    const [operation, requestId, extra] = positionals;
    if (!operation || !requestId || extra !== undefined)
      throw new CliUsageError(`kontext wait needs an operation and a request id\n${usage}`);
    const descriptor = findOperation(operation);
    return await execute(descriptor, values, [], (client, options) =>
      client.wait({ operation: descriptor.id as QueueOperation, requestId }, options),
    );
  } catch (error) {
    const { message, code } = describeError(error);
    process.stderr.write(`kontext: ${message}\n`);
    return code;
  }
}

/** What a command does with the client: submit and wait (`run`), or wait only (`wait`). */
type StartJob = (
  client: Connection["client"],
  options: RunOptions,
) => Promise<{ requestId: string; data: unknown }>;

async function execute(
  descriptor: OperationDescriptor,
  values: Map<string, string | boolean>,
  specs: ReturnType<typeof flagsFor>,
  start: StartJob,
): Promise<number> {
  const json = values.get("--json") === true;
  const out = String(values.get("--out") ?? "out");
  const timeout = values.get("--timeout");
  const timeoutMs = typeof timeout === "string" ? Number(timeout) * 1000 : undefined;
  if (timeoutMs !== undefined && !(timeoutMs > 0))
    throw new CliUsageError(
      `--timeout must be a positive number of seconds, got "${String(timeout)}"`,
    );
  const baseUrl = values.get("--base-url");
  const poll = values.get("--poll-interval");
  if (poll !== undefined && !(Number(poll) > 0))
    throw new CliUsageError(
      `--poll-interval must be a positive number of milliseconds, got "${String(poll)}"`,
    );
  const connection = await connect(values.get("--emulator") === true, {
    ...(typeof baseUrl === "string" ? { baseUrl } : {}),
    ...(poll !== undefined ? { pollIntervalMs: Number(poll) } : {}),
  });
  const reporter = new JobReporter(process.stderr, values.get("--verbose") === true);
  const controller = new AbortController();
  const interrupt = () => controller.abort();
  process.once("SIGINT", interrupt);
  process.once("SIGTERM", interrupt);
  try {
    // Before the job is paid for: a result that cannot be saved would be lost.
    prepareOutFolder(out);
    reporter.line(`${descriptor.summary ?? descriptor.id} via ${connection.target}`);
    const { requestId, data } = await start(connection.client, {
      signal: controller.signal,
      ...(timeoutMs ? { timeoutMs } : {}),
      onSubmitted: (id) => reporter.submitted(id),
      onProgress: (p) => reporter.progress(p),
      onLog: (l) => reporter.log(l),
    });
    reporter.done();
    // The request id comes from the relay: only its safe characters name files.
    const prefix = requestId.replace(/[^A-Za-z0-9_-]/g, "").slice(0, 8) || "image";
    let saved: Awaited<ReturnType<typeof saveResultImages>>;
    try {
      saved = await saveResultImages(data, out, { prefix });
    } catch (error) {
      // The job is paid and done: its result, with the image URLs, reaches the user anyway.
      process.stdout.write(printableJson({ requestId, data }) + "\n");
      const { message } = describeError(error, specs);
      process.stderr.write(
        `kontext: job ${printable(requestId)} finished, but its images could not be saved in ${out}: ${message}; its result is printed on stdout (the image URLs expire upstream)\n`,
      );
      return EXIT.failed;
    }
    if (json)
      process.stdout.write(
        printableJson({ requestId, data, files: saved.map((f) => f.path) }) + "\n",
      );
    else if (saved.length === 0)
      // A task's result is often not images (a video URL, a text): show it rather than nothing.
      process.stdout.write(printableJson(data) + "\n");
    else for (const file of saved) process.stdout.write(`${file.path}\n`);
    reporter.line(
      `done: ${saved.length} file(s) in ${out}${saved[0] ? ` (e.g. ${basename(saved[0].path)})` : ""}`,
    );
    const emulated = emulatedNote(data);
    if (emulated) reporter.line(`emulated: ${emulated}`);
    return EXIT.ok;
  } catch (error) {
    reporter.done();
    if (error instanceof AbortedError) {
      process.stderr.write(`kontext: interrupted; ${printable(error.message)}\n`);
      return EXIT.interrupted;
    }
    const { message, code } = describeError(error, specs);
    process.stderr.write(`kontext: ${message}\n`);
    return code;
  } finally {
    process.off("SIGINT", interrupt);
    process.off("SIGTERM", interrupt);
    await connection.close();
  }
}
