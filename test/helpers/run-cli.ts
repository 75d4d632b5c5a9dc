import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "./run-generate.js";

const TSX = import.meta.resolve("tsx");
const MAIN = join(repoRoot, "src/cli/main.ts");
/** The CLI tests are about the seed model: they name its pinned contract, whatever generated/ holds. */
const SEED = ["--contract", join(repoRoot, "test/fixtures/seed/generated")];

/** The environment a user would have: no key unless given, no base URL unless given. */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp" };
  return { ...env, ...extra };
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI and collects its output. Asynchronous on purpose: tests serve the emulator from
 * their own process, and a synchronous spawn would block it from answering.
 */
export function runCli(
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<CliResult> {
  return collect(spawnCli(args, options));
}

export function spawnCli(
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): ChildProcess {
  return spawn(process.execPath, ["--import", TSX, MAIN, ...SEED, ...args], {
    cwd: options.cwd,
    env: options.env ?? cliEnv(),
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Runs the CLI on a pseudo-terminal (util-linux `script`), as a person at a terminal would. */
export function runCliOnTty(
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<CliResult> {
  const quoted = [process.execPath, "--import", TSX, MAIN, ...SEED, ...args]
    .map((a) => `'${a.replace(/'/g, "'\\''")}'`)
    .join(" ");
  return collect(
    spawn("script", ["-qfec", quoted, "/dev/null"], {
      cwd: options.cwd,
      env: { ...(options.env ?? cliEnv()), TERM: "xterm" },
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
}

export function collect(child: ChildProcess): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) =>
    child.on("close", (status) => resolve({ status, stdout, stderr })),
  );
}

/** Resolves once `condition` holds, checking every 10 ms: for acting in the middle of a CLI run. */
export function waitFor(condition: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (condition()) {
        clearInterval(timer);
        resolve();
      }
    }, 10);
  });
}
