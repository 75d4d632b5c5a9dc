import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * Runs the emulator in its own process, so client and server do not share one event loop; with
 * `cpu`, pinned to that core (where `taskset` exists), so the two do not trade cores mid-run.
 */
export async function spawnEmulator(
  args: string[] = [],
  cpu?: number,
): Promise<{ url: string; pid: number; stop(): void }> {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const command = [
    process.execPath,
    "--import",
    "tsx",
    "src/emulator/cli.ts",
    "--port",
    "0",
    ...args,
  ];
  const pinned =
    cpu !== undefined && hasTaskset() ? ["taskset", "-c", String(cpu), ...command] : command;
  const child: ChildProcess = spawn(pinned[0]!, pinned.slice(1), {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(seen);
      if (match) resolve(match[1]!);
    });
    child.once("exit", (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  // Its own CPU time is read from /proc/<pid> (cpu-share.ts); under taskset the pid is taskset's
  // own, which execs node in place.
  return { url, pid: child.pid!, stop: () => child.kill("SIGTERM") };
}

/** Pins this process to one core, where `taskset` exists; says whether it did. */
export function pinToCpu(cpu: number): boolean {
  if (!hasTaskset()) return false;
  execFileSync("taskset", ["-p", "-c", String(cpu), String(process.pid)], { stdio: "ignore" });
  return true;
}

/** Whether `taskset` runs here; asked once. */
function hasTaskset(): boolean {
  if (tasksetRuns === undefined) {
    try {
      execFileSync("taskset", ["-p", String(process.pid)], { stdio: "ignore" });
      tasksetRuns = true;
    } catch {
      tasksetRuns = false;
    }
  }
  return tasksetRuns;
}

let tasksetRuns: boolean | undefined;
