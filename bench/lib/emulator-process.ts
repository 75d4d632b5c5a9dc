import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Runs the emulator in its own process, so client and server do not share one event loop. */
export async function spawnEmulator(args: string[] = []): Promise<{ url: string; stop(): void }> {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", "src/emulator/cli.ts", "--port", "0", ...args],
    { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let seen = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(seen);
      if (match) resolve(match[1]!);
    });
    child.once("exit", (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  return { url, stop: () => child.kill("SIGTERM") };
}
