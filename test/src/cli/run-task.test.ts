import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliEnv, runCli } from "../../helpers/run-cli.js";
import { repoRoot } from "../../helpers/run-generate.js";

const LUMA = ["--contract", join(repoRoot, "test/fixtures/specs/luma/generated")];

describe("kontext run: an x-async-task operation runs like a queue one", () => {
  const cwd = mkdtempSync(join(tmpdir(), "kontext-task-"));
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it("runs the Luma export's lumaGenerations on the emulator, with progress, and prints the result", async () => {
    const result = await runCli(
      [
        ...LUMA,
        "run",
        "lumaGenerations",
        "--user-prompt",
        "wind in the forest",
        "--model-name",
        "ray-v2",
        "--duration",
        "5s",
        "--emulator",
        "--poll-interval",
        "5",
      ],
      { cwd, env: cliEnv() },
    );
    expect(result.stderr).toContain("processing");
    expect(result.stderr).toContain("completed");
    expect(result.status).toBe(0);
    expect(() => JSON.parse(result.stdout)).not.toThrow();
  });

  it("lists it among the operations it can run", async () => {
    const result = await runCli([...LUMA, "operations"], { cwd, env: cliEnv() });
    expect(result.stdout).toContain("lumaGenerations  POST /luma/generations");
    expect(result.status).toBe(0);
  });

  it("answers kontext run --help with its usage and the operations it can run, as every command does", async () => {
    const result = await runCli([...LUMA, "run", "--help"], { cwd, env: cliEnv() });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("Usage: kontext run <operation> [flags]");
    expect(result.stdout).toMatch(/^  lumaGenerations$/m);
    expect(result.stderr).toBe("");
  });
});
