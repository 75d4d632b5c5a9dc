import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { cliEnv, waitFor } from "../../helpers/run-cli.js";
import { repoRoot } from "../../helpers/run-generate.js";

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(500) });
    return true;
  } catch {
    return false;
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
    expect(await answers(url)).toBe(true);
    npm.kill("SIGTERM");
    let stopped = false;
    for (let i = 0; i < 50 && !stopped; i++) {
      stopped = !(await answers(url));
      if (!stopped) await new Promise((r) => setTimeout(r, 100));
    }
    expect(stopped).toBe(true);
  }, 30_000);
});
