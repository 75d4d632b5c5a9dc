/**
 * `npm run emulator -- --port 4010 --api-key sk-test`: runs the local relay until Ctrl-C and
 * prints its base URL once ready. Exit codes: 0 stopped, 1 failed, 2 bad flags or port in use.
 */
import { parseArgs } from "node:util";
import { loadGeneratedFolder } from "../internal/load-generated-folder.js";
import { isLoopback } from "./http-util.js";
import { startEmulator } from "./server.js";

const USAGE =
  "Usage: npm run emulator -- [--port 4010] [--host 127.0.0.1] [--api-key sk-emulator] [--queue-ms 200] [--run-ms 300] [--image-scale 1] [--state <file>] [--contract <generated folder>] [--debug]";

class UsageError extends Error {}

function parse(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        port: { type: "string", default: "4010" },
        host: { type: "string", default: "127.0.0.1" },
        "api-key": { type: "string", default: "sk-emulator" },
        "queue-ms": { type: "string", default: "200" },
        "run-ms": { type: "string", default: "300" },
        "image-scale": { type: "string", default: "1" },
        state: { type: "string" },
        contract: { type: "string" },
        debug: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message.split("\n")[0]);
  }
  const number = (flag: string, min: number, max: number, integer: boolean): number => {
    const raw = parsed[flag as keyof typeof parsed] as string;
    const value = Number(raw);
    if (raw.trim() === "" || !Number.isFinite(value) || value < min || value > max)
      throw new UsageError(`--${flag} must be a number from ${min} to ${max}, got "${raw}"`);
    if (integer && !Number.isInteger(value))
      throw new UsageError(`--${flag} must be a whole number, got "${raw}"`);
    return value;
  };
  if (!isLoopback(parsed.host))
    throw new UsageError(
      `--host must be a loopback address (127.0.0.1, ::1, localhost), got "${parsed.host}"`,
    );
  return {
    help: parsed.help,
    debug: parsed.debug,
    options: {
      port: number("port", 0, 65535, true),
      host: parsed.host,
      apiKey: parsed["api-key"],
      timing: {
        queueMs: number("queue-ms", 0, 3_600_000, false),
        runMs: number("run-ms", 0, 3_600_000, false),
      },
      imageScale: number("image-scale", 0.01, 4, false),
      ...(parsed.state ? { stateFile: parsed.state } : {}),
    },
    contractDir: parsed.contract,
  };
}

async function main(argv: string[]): Promise<void> {
  const { help, options, contractDir } = parse(argv);
  if (help) {
    console.log(USAGE);
    return;
  }
  if (contractDir) {
    try {
      Object.assign(options, { spec: await loadGeneratedFolder(contractDir) });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  let emulator;
  try {
    emulator = await startEmulator(options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE")
      throw new UsageError(
        `port ${options.port} is in use; pick another with --port (0 picks a free one)`,
      );
    throw error;
  }
  console.log(`ChainHub emulator listening on ${emulator.url} (images from ${emulator.cdnUrl})`);
  console.log(
    `Use it with: CHAINHUB_BASE_URL=${emulator.url} CHAINHUB_API_KEY=<the --api-key you chose>`,
  );
  const stop = () => void emulator.close().then(() => process.exit(0));
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.once(signal, stop);
  // `npm run` stops its shell, not the shell's children: an emulator whose parent went away
  // stops too, instead of holding its port forever.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop();
  }, 500).unref();
}

const debug = process.argv.includes("--debug");
main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`emulator: ${error.message} (see --help)`);
    process.exit(2);
  }
  console.error(
    debug
      ? error
      : `emulator: ${(error as Error)?.message ?? String(error)} (--debug shows the stack trace)`,
  );
  process.exit(1);
});
