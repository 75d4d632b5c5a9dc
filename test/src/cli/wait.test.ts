import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConnectionError } from "../../../src/index.js";
import { describeError } from "../../../src/cli/describe-error.js";
import { resumableError } from "../../../src/internal/after-submit.js";
import { cliEnv, runCli } from "../../helpers/run-cli.js";
import { submits, TEST_KEY, useEmulator, validInput } from "../../helpers/emulator.js";

/**
 * A paid job whose wait stopped (a network failure after retries, a crash) is not lost to a
 * CLI user: `kontext wait <operation> <request-id>` picks it up and saves it, and the CLI's
 * errors name that command rather than the library's `client.wait(...)`.
 */
describe("kontext wait", () => {
  const env = useEmulator();
  const apiEnv = () => cliEnv({ CHAINHUB_API_KEY: TEST_KEY, CHAINHUB_BASE_URL: env.emulator.url });

  it("saves the result of a job submitted earlier, without submitting it again", async () => {
    const handle = await env.client().queue.submit("falAiFluxProKontextMax", validInput);
    const before = submits(env.emulator);
    const dir = mkdtempSync(join(tmpdir(), "kontext-wait-"));
    const run = await runCli(
      ["wait", "falAiFluxProKontextMax", handle.requestId, "--out", "out", "--json"],
      { cwd: dir, env: apiEnv() },
    );
    expect(run.stderr).not.toContain("kontext:");
    expect(run.status).toBe(0);
    const printed = JSON.parse(run.stdout) as { requestId: string; files: string[] };
    expect(printed.requestId).toBe(handle.requestId);
    expect(printed.files).toHaveLength(1);
    expect(existsSync(join(dir, printed.files[0]!))).toBe(true);
    expect(submits(env.emulator)).toBe(before);
  });

  it("says plainly what it needs, and that the relay does not know an unknown id", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kontext-wait-"));
    const bare = await runCli(["wait", "falAiFluxProKontextMax"], { cwd: dir, env: apiEnv() });
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain("kontext wait needs an operation and a request id");
    const unknown = await runCli(
      ["wait", "falAiFluxProKontextMax", "00000000-0000-4000-8000-000000000000", "--out", "out"],
      { cwd: dir, env: apiEnv() },
    );
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain(
      "the relay does not know job 00000000-0000-4000-8000-000000000000",
    );
  });

  it("is the resume the CLI names, quoted so that a relay's id cannot become a shell command", () => {
    // The library's own hint, as a failed wait after a paid submit carries it.
    const message = (requestId: string) =>
      describeError(
        resumableError(
          new ConnectionError("connection failed", { method: "GET", url: "http://127.0.0.1/x" }),
          "falAiFluxProKontextMax",
          requestId,
        ),
      ).message;
    expect(message("6f1c-42")).toContain(
      "resume with: kontext wait falAiFluxProKontextMax 6f1c-42",
    );
    expect(message("$(rm -rf ~)'x")).toContain(
      "resume with: kontext wait falAiFluxProKontextMax '$(rm -rf ~)'\\''x'",
    );
    expect(message("6f1c-42")).not.toContain("client.wait");
  });
});
