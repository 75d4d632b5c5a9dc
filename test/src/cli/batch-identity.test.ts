import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliEnv, collect, runCli, spawnCli, waitFor } from "../../helpers/run-cli.js";
import { TEST_KEY, useEmulator } from "../../helpers/emulator.js";

const IMAGE = "https://v3.fal.media/files/rabbit/in.png";

function writeJobs(dir: string, name: string, jobs: Record<string, unknown>[]): string {
  const path = join(dir, name);
  writeFileSync(path, jobs.map((j) => JSON.stringify(j)).join("\n") + "\n");
  return path;
}

function results(out: string): Record<string, unknown>[] {
  return readFileSync(join(out, "results.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
}

describe("kontext batch: a job is its content", () => {
  const env = useEmulator({ timing: { queueMs: 10, runMs: 20 }, imageScale: 0.05 });
  const apiEnv = () => cliEnv({ CHAINHUB_API_KEY: TEST_KEY, CHAINHUB_BASE_URL: env.emulator.url });
  const batch = (dir: string, jobs: string, out: string, ...extra: string[]) =>
    runCli(["batch", jobs, "--out", out, "--poll-interval", "10", "--json", ...extra], {
      cwd: dir,
      env: apiEnv(),
    });

  it("reports an edited job under a known id instead of handing out the old result", async () => {
    const dir = mkdtempSync(join(tmpdir(), "batch-id-"));
    const out = join(dir, "out");
    const jobs = writeJobs(dir, "jobs.jsonl", [
      { id: "cat", prompt: "a cat", image_url: IMAGE },
      { id: "dog", prompt: "a dog", image_url: IMAGE },
    ]);
    expect(JSON.parse((await batch(dir, jobs, out)).stdout)).toMatchObject({ done: 2 });
    const firstCat = readFileSync(join(out, "cat", "result.json"), "utf8");

    writeJobs(dir, "jobs.jsonl", [
      { id: "cat", prompt: "a cat in a hat", image_url: IMAGE },
      { id: "dog", prompt: "a dog", image_url: IMAGE },
    ]);
    const submits = env.emulator.stats.submitDigests.length;
    const edited = await batch(dir, jobs, out);
    expect(edited.status).toBe(1);
    expect(JSON.parse(edited.stdout)).toMatchObject({ done: 1, alreadyDone: 1, changed: 1 });
    expect(edited.stderr).toMatch(/changed cat \(line 1\): its input differs/);
    expect(env.emulator.stats.submitDigests.length).toBe(submits);
    expect(results(out).map((r) => [r.key, r.status])).toEqual([
      ["cat", "changed"],
      ["dog", "done"],
    ]);
    expect(readFileSync(join(out, "cat", "result.json"), "utf8")).toBe(firstCat);

    const rerun = await batch(dir, jobs, out, "--rerun-changed");
    expect(rerun.status).toBe(0);
    expect(env.emulator.stats.submitDigests.length).toBe(submits + 1);
    const cat = JSON.parse(readFileSync(join(out, "cat", "result.json"), "utf8"));
    expect(cat.data.prompt).toBe("a cat in a hat");
  });

  it("finds id-less jobs by content when a line is inserted above them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "batch-id-"));
    const out = join(dir, "out");
    const a = { prompt: "first", image_url: IMAGE };
    const b = { prompt: "second", image_url: IMAGE };
    const jobs = writeJobs(dir, "jobs.jsonl", [a, b]);
    await batch(dir, jobs, out);
    const before = results(out);
    writeJobs(dir, "jobs.jsonl", [{ prompt: "inserted", image_url: IMAGE }, a, b]);
    const submits = env.emulator.stats.submitDigests.length;
    const run = await batch(dir, jobs, out);
    expect(JSON.parse(run.stdout)).toMatchObject({ done: 3, alreadyDone: 2, failed: 0 });
    expect(env.emulator.stats.submitDigests.length).toBe(submits + 1);
    const after = results(out);
    // The same jobs, now one line lower, keep their request ids and folders.
    expect(after.slice(1).map((r) => [r.key, r.requestId])).toEqual(
      before.map((r) => [r.key, r.requestId]),
    );
    expect(after[0]!.key).toMatch(/^job-[0-9a-f]{12}$/);
  });

  it("refuses an out folder started by another jobs file unless told otherwise", async () => {
    const dir = mkdtempSync(join(tmpdir(), "batch-id-"));
    const out = join(dir, "out");
    const first = writeJobs(dir, "first.jsonl", [{ id: "x", prompt: "one", image_url: IMAGE }]);
    const second = writeJobs(dir, "second.jsonl", [{ id: "x", prompt: "two", image_url: IMAGE }]);
    expect((await batch(dir, first, out)).status).toBe(0);
    const refused = await batch(dir, second, out);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/holds the batch of .*first\.jsonl, not .*second\.jsonl/);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    const allowed = await batch(dir, second, out, "--other-jobs-file");
    // Allowed in, the job is still matched by content: x changed, so it is reported.
    expect(JSON.parse(allowed.stdout)).toMatchObject({ changed: 1, done: 0 });
  });

  it("gives each jobs file its own default out folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "batch-id-"));
    const jobs = writeJobs(dir, "winter.jsonl", [{ id: "x", prompt: "snow", image_url: IMAGE }]);
    const run = await runCli(["batch", jobs, "--poll-interval", "10"], { cwd: dir, env: apiEnv() });
    expect(run.status).toBe(0);
    expect(existsSync(join(dir, "out", "winter", "x", "result.json"))).toBe(true);
  });

  it.each([
    [".."],
    ["."],
    [".kontext-batch.journal"],
    ["results.jsonl"],
    ["a/b"],
    ["..\\\\x"],
    ["CON"],
    ["nul.txt"],
    ["-rf"],
    ["x".repeat(200)],
  ])(
    "refuses the id %j by line, and (with --skip-invalid) writes nothing outside --out",
    async (id) => {
      const dir = mkdtempSync(join(tmpdir(), "batch-id-"));
      const out = join(dir, "nested", "out");
      const jobs = writeJobs(dir, "jobs.jsonl", [
        { id, prompt: "p", image_url: IMAGE },
        { id: "fine", prompt: "p", image_url: IMAGE },
      ]);
      const run = await batch(dir, jobs, out, "--skip-invalid");
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(new RegExp(`jobs\\.jsonl:1: id "`));
      expect(JSON.parse(run.stdout)).toMatchObject({ done: 1, failed: 1 });
      expect(readdirSync(join(dir, "nested"))).toEqual(["out"]);
      expect(readdirSync(out).sort()).toEqual([".kontext-batch.journal", "fine", "results.jsonl"]);
    },
  );

  it("refuses to write a job's files through a symlinked folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "batch-id-"));
    const out = join(dir, "out");
    const elsewhere = join(dir, "elsewhere");
    mkdirSync(out);
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, join(out, "trap"));
    const jobs = writeJobs(dir, "jobs.jsonl", [{ id: "trap", prompt: "p", image_url: IMAGE }]);
    const run = await batch(dir, jobs, out);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/not a plain folder/);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it("takes a missing jobs file as bad input: one line, exit 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "batch-id-"));
    const run = await batch(dir, join(dir, "missing.jsonl"), join(dir, "out"));
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toMatch(
      /^kontext: cannot read jobs file .*missing\.jsonl: no such file$/,
    );
  });
});

describe("kontext batch --emulator", () => {
  it("resumes after a kill -9 like a real batch: the emulator's jobs live under --out", async () => {
    const dir = mkdtempSync(join(tmpdir(), "batch-demo-"));
    const out = join(dir, "out");
    const jobs = writeJobs(
      dir,
      "jobs.jsonl",
      Array.from({ length: 10 }, (_, i) => ({ id: `j${i}`, prompt: `p${i}`, image_url: IMAGE })),
    );
    const args = ["batch", jobs, "--emulator", "--out", out, "--concurrency", "5", "--json"];
    const first = spawnCli(args, { cwd: dir, env: cliEnv() });
    const firstRun = collect(first);
    // Killed while jobs are submitted and running upstream (the emulator dies with the CLI).
    await waitFor(
      () =>
        existsSync(join(out, ".kontext-batch.journal")) &&
        readFileSync(join(out, ".kontext-batch.journal"), "utf8").includes('"submitted"'),
    );
    first.kill("SIGKILL");
    await firstRun;
    expect(existsSync(join(out, ".kontext-emulator.jobs"))).toBe(true);
    const second = await runCli(args, { cwd: dir, env: cliEnv() });
    const summary = JSON.parse(second.stdout);
    expect(summary).toMatchObject({ failed: 0, running: 0, notStarted: 0 });
    expect(summary.done + summary.unknown).toBe(10);
    expect(second.stderr).not.toMatch(/404|not found/i);
  }, 60_000);
});
