import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../helpers/run-generate.js";
import { cliEnv, runCli, runCliOnTty } from "../../helpers/run-cli.js";
import { TEST_KEY, useEmulator } from "../../helpers/emulator.js";

const sample = join(repoRoot, "src/demo/sample.jpg");

describe("kontext edit", () => {
  const env = useEmulator();
  const cwd = () => mkdtempSync(join(tmpdir(), "kontext-edit-"));
  const apiEnv = () => cliEnv({ CHAINHUB_API_KEY: TEST_KEY, CHAINHUB_BASE_URL: env.emulator.url });

  it("edits a local image end to end and prints the saved files, with plain progress lines off a terminal", async () => {
    const dir = cwd();
    const run = await runCli(
      [
        "edit",
        "--image",
        sample,
        "--prompt",
        "Add snow",
        "--aspect-ratio",
        "16:9",
        "--num-images",
        "2",
        "--format",
        "png",
        "--seed",
        "42",
        "--out",
        "./out",
        "--poll-interval",
        "10",
      ],
      { cwd: dir, env: apiEnv() },
    );
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split("\n")).toHaveLength(2);
    expect(readdirSync(join(dir, "out")).filter((f) => f.endsWith(".png"))).toHaveLength(2);
    expect(run.stderr).toMatch(/^\[ +\d+\.\ds\] submitted, request id [0-9a-f-]{36}$/m);
    expect(run.stderr).toMatch(/^\[ +\d+\.\ds\] COMPLETED$/m);
    expect(run.stderr).not.toContain("\r");
    expect(run.stderr + run.stdout).not.toContain(TEST_KEY);
    expect(run.stderr).toMatch(
      /^\[ +\d+\.\ds\] emulated: Made by the local ChainHub emulator, not by a model; its image is image_url \(a 375x500 JPEG\)/m,
    );
  });

  it("prints the typed result as JSON on stdout with --json", async () => {
    const run = await runCli(
      [
        "edit",
        "--image",
        sample,
        "--prompt",
        "Add snow",
        "--seed",
        "7",
        "--json",
        "--poll-interval",
        "10",
      ],
      { cwd: cwd(), env: apiEnv() },
    );
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({
      data: { seed: 7, prompt: "Add snow", has_nsfw_concepts: [false] },
    });
    expect(result.files).toHaveLength(1);
  });

  it("escapes a relay's bidirectional and C1 control characters in --json, keeping the value", async () => {
    const prompt = "Add snow\u202e gnp.exe \u009b31m";
    const run = await runCli(
      ["edit", "--image", sample, "--prompt", prompt, "--json", "--poll-interval", "10"],
      { cwd: cwd(), env: apiEnv() },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(/[\u009b\u202e]/);
    expect(run.stdout).toContain("Add snow\\u202e gnp.exe \\u009b31m");
    expect(JSON.parse(run.stdout).data.prompt).toBe(prompt);
  });

  it("redraws one progress line on a terminal and shows logs with --verbose", async () => {
    const run = await runCliOnTty(
      ["edit", "--image", sample, "--prompt", "Add snow", "--verbose", "--poll-interval", "10"],
      { cwd: cwd(), env: apiEnv() },
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("\r\x1b[2K");
    expect(run.stdout).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] IN_(QUEUE|PROGRESS)/);
    expect(run.stdout).toContain("log: Loading model");
  });

  it("exits 2 naming the bad flag and the allowed values, sending nothing", async () => {
    const requests = env.emulator.stats.requests.length;
    const run = await runCli(
      ["edit", "--image", sample, "--prompt", "p", "--aspect-ratio", "5:4"],
      { cwd: cwd(), env: apiEnv() },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      '--aspect-ratio must be one of 21:9, 16:9, 4:3, 3:2, 1:1, 2:3, 3:4, 9:16, 9:21; got "5:4"',
    );
    expect(
      (await runCli(["edit", "--image", sample], { cwd: cwd(), env: apiEnv() })).stderr,
    ).toContain("missing --prompt (required)");
    expect(
      (
        await runCli(["edit", "--prompt", "p", "--image", sample, "--colour", "red"], {
          cwd: cwd(),
          env: apiEnv(),
        })
      ).stderr,
    ).toContain("unknown flag --colour");
    expect(env.emulator.stats.requests.length).toBe(requests);
  });

  it("exits 2 without a key, and 1 on an API error", async () => {
    const noKey = await runCli(["edit", "--image", sample, "--prompt", "p"], { cwd: cwd() });
    expect(noKey.status).toBe(2);
    expect(noKey.stderr).toContain("set CHAINHUB_API_KEY");
    const wrongKey = await runCli(["edit", "--image", sample, "--prompt", "p"], {
      cwd: cwd(),
      env: cliEnv({ CHAINHUB_API_KEY: "sk-wrong", CHAINHUB_BASE_URL: env.emulator.url }),
    });
    expect(wrongKey.status).toBe(1);
    expect(wrongKey.stderr).toContain("AuthenticationError: 401");
    expect(wrongKey.stderr).not.toContain("sk-wrong");
  });

  it("runs with --emulator and no key at all", async () => {
    const dir = cwd();
    const run = await runCli(
      ["edit", "--emulator", "--image", sample, "--prompt", "p", "--poll-interval", "50"],
      { cwd: dir },
    );
    expect(run.status).toBe(0);
    expect(readFileSync(join(dir, run.stdout.trim())).subarray(0, 3)).toEqual(
      Buffer.from([0xff, 0xd8, 0xff]),
    );
  });

  it("refuses an --out it cannot save into before the job is submitted, so no result is paid for and lost", async () => {
    const dir = cwd();
    writeFileSync(join(dir, "taken"), "a file where the folder would go");
    const submits = env.emulator.stats.requests.filter((r) => r.route === "submit").length;
    const run = await runCli(
      ["edit", "--image", sample, "--prompt", "p", "--out", "taken", "--poll-interval", "10"],
      { cwd: dir, env: apiEnv() },
    );
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toContain("kontext: cannot save into taken: a file is in the way");
    expect(env.emulator.stats.requests.filter((r) => r.route === "submit").length).toBe(submits);
  });

  it("prints the result of a finished job whose images could not be saved, with its request id", async () => {
    // Not retried: fal's own "your deadline passed" answer.
    env.emulator.inject({ kind: "504-user", route: "cdn" });
    const run = await runCli(
      ["edit", "--image", sample, "--prompt", "p", "--poll-interval", "10"],
      { cwd: cwd(), env: apiEnv() },
    );
    expect(run.status, run.stderr).toBe(1);
    const printed = JSON.parse(run.stdout);
    expect(printed.data.images[0].url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\//);
    expect(run.stderr).toContain(
      `kontext: job ${printed.requestId} finished, but its images could not be saved in out:`,
    );
    expect(run.stderr).toContain("504 Gateway Timeout: GET /files/");
  });
});
