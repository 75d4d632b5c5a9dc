import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { cliEnv, waitFor } from "../../helpers/run-cli.js";
import { repoRoot } from "../../helpers/run-generate.js";

/** Whether anything still listens at `url`: only a refused connection says no (a slow answer is a yes). */
async function listening(url: string): Promise<boolean> {
  try {
    await fetch(url);
    return true;
  } catch (error) {
    const code = ((error as Error).cause as NodeJS.ErrnoException | undefined)?.code;
    if (code === "ECONNREFUSED") return false;
    throw error;
  }
}

describe("npm run emulator", () => {
  it("stops with every process it started when npm is stopped", async () => {
    // npm signals its shell only; the emulator must notice and go too, freeing its port.
    const npm = spawn("npm", ["run", "emulator", "--", "--port", "0"], {
      cwd: repoRoot,
      env: cliEnv(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    npm.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await waitFor(() => /listening on (http:\/\/\S+)/.test(output));
    const url = /listening on (http:\/\/\S+)/.exec(output)![1]!;
    expect(await listening(url)).toBe(true);
    npm.kill("SIGTERM");
    // Until the port is free; the test's timeout is the safety net if the emulator never goes.
    while (await listening(url)) await new Promise((r) => setTimeout(r, 100));
  });
});
