import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliEnv, collect, runCli, spawnCli, waitFor } from "../../helpers/run-cli.js";
import { TEST_KEY, useEmulator } from "../../helpers/emulator.js";
import { jobDigest } from "../../../src/cli/batch/job-identity.js";

function jobsFile(dir: string, count: number, extra: string[] = []): string {
  const lines = Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      id: `job-${String(i + 1).padStart(3, "0")}`,
      prompt: `edit number ${i + 1}`,
      image_url: "https://v3.fal.media/files/rabbit/in.png",
    }),
  );
  const path = join(dir, "jobs.jsonl");
  writeFileSync(path, [...lines, ...extra].join("\n") + "\n");
  return path;
}

/** The journal's records so far; a line still being written (or torn by a kill) is left out. */
function journalRecords(out: string): { t: string; key: string }[] {
  const path = join(out, ".kontext-batch.journal");
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8")
    .split("\n")
    .flatMap((line) => {
      try {
        return [JSON.parse(line)];
      } catch {
        return [];
      }
    });
}

const journaledDone = (out: string) => journalRecords(out).filter((r) => r.t === "done").length;

function doneLines(out: string): string[] {
  if (!existsSync(join(out, "results.jsonl"))) return [];
  return readFileSync(join(out, "results.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.includes('"status":"done"'));
}

describe("kontext batch", () => {
  const env = useEmulator({ timing: { queueMs: 20, runMs: 40 }, imageScale: 0.05 });
  const apiEnv = () => cliEnv({ CHAINHUB_API_KEY: TEST_KEY, CHAINHUB_BASE_URL: env.emulator.url });

  it("survives faults and a kill -9: every job finishes exactly once, nothing is paid twice or lost", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kontext-batch-"));
    const jobs = jobsFile(dir, 200);
    const out = join(dir, "out");
    const args = [
      "batch",
      jobs,
      "--out",
      out,
      "--concurrency",
      "8",
      "--poll-interval",
      "20",
      "--json",
    ];
    const firstDigest = env.emulator.stats.submitDigests.length;
    env.emulator.inject({ kind: "429", route: "submit", retryAfter: 0.2, times: 4 });
    env.emulator.inject({ kind: "503", route: "submit", times: 3 });
    env.emulator.inject({ kind: "reset", route: "status", times: 10 });
    env.emulator.inject({ kind: "reset", route: "result", times: 4 });

    const first = spawnCli(args, { cwd: dir, env: apiEnv() });
    const firstRun = collect(first);
    // Killed once 60 jobs are durably done: the journal, not the results view, is what resumes.
    await waitFor(() => journaledDone(out) >= 60);
    first.kill("SIGKILL");
    expect((await firstRun).status).toBeNull(); // killed, not finished
    const doneBeforeKill = journaledDone(out);
    expect(doneBeforeKill).toBeLessThan(200);

    const second = await runCli(args, { cwd: dir, env: apiEnv() });
    const summary = JSON.parse(second.stdout);
    expect(summary.failed).toBe(0);
    expect(summary.done + summary.unknown).toBe(200);
    expect(summary.alreadyDone).toBeGreaterThanOrEqual(doneBeforeKill);

    // Never paid twice: no submit body arrived twice (prompts are unique per job).
    const digests = env.emulator.stats.submitDigests.slice(firstDigest);
    expect(new Set(digests).size).toBe(digests.length);

    let final = summary;
    if (summary.unknown > 0) {
      // A kill between "submitting" and "submitted" leaves jobs we cannot be sure about: they were
      // reported and not resubmitted. Only an explicit --resubmit-unknown sends them again.
      expect(second.stderr).toMatch(
        /unknown job-\d{3} \(line \d+\): an earlier run stopped while submitting it/,
      );
      final = JSON.parse(
        (await runCli([...args, "--resubmit-unknown"], { cwd: dir, env: apiEnv() })).stdout,
      );
    }
    expect(final.done).toBe(200);

    // Exactly once: one done record per job across all runs, and its files on disk.
    const done = journalRecords(out)
      .filter((r) => r.t === "done")
      .map((r) => r.key);
    expect(done.length).toBe(200);
    expect(new Set(done).size).toBe(200);
    expect(doneLines(out)).toHaveLength(200);
    for (const key of ["job-001", "job-100", "job-200"]) {
      expect(readdirSync(join(out, key)).sort()).toEqual(["image-0.jpg", "result.json"]);
    }
    env.emulator.clearFaults();
  }, 120_000);

  it("repairs results.jsonl from the journal when a crash fell between the two", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kontext-batch-"));
    const jobs = jobsFile(dir, 2);
    const out = join(dir, "out");
    mkdirSync(out);
    // As if killed right after the journal's fsync'd "done" for job-001, before its results line.
    writeFileSync(
      join(out, ".kontext-batch.journal"),
      JSON.stringify({
        t: "done",
        key: "job-001",
        digest: jobDigest("falAiFluxProKontextMax", {
          prompt: "edit number 1",
          image_url: "https://v3.fal.media/files/rabbit/in.png",
        }),
        requestId: "r-1",
        files: ["out/job-001/image-0.jpg"],
      }) + "\n",
    );
    const run = await runCli(["batch", jobs, "--out", out, "--poll-interval", "20", "--json"], {
      cwd: dir,
      env: apiEnv(),
    });
    expect(JSON.parse(run.stdout)).toMatchObject({ done: 2, alreadyDone: 1 });
    const lines = readFileSync(join(out, "results.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.key, l.status])).toEqual([
      ["job-001", "done"],
      ["job-002", "done"],
    ]);
    expect(lines[0].requestId).toBe("r-1");
  });

  it("reports every bad line with its number before the first submit, and sends nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kontext-batch-"));
    const jobs = jobsFile(dir, 3, [
      "{oops",
      JSON.stringify({
        id: "bad-ratio",
        prompt: "p",
        image_url: "https://x.test/a.png",
        aspect_ratio: "5:4",
      }),
      JSON.stringify({ id: "no-prompt", image_url: "https://x.test/a.png" }),
      JSON.stringify({ id: "no-file", prompt: "p", image_url: "./missing.png" }),
      JSON.stringify({ id: "ftp", prompt: "p", image_url: "ftp://x.test/a.png" }),
      JSON.stringify({ id: "plain-http", prompt: "p", image_url: "http://x.test/a.png" }),
    ]);
    const submitsBefore = env.emulator.stats.submitDigests.length;
    const run = await runCli(
      ["batch", jobs, "--out", join(dir, "out"), "--poll-interval", "20", "--json"],
      { cwd: dir, env: apiEnv() },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${jobs}:4: not valid JSON`);
    expect(run.stderr).toMatch(
      new RegExp(`${jobs}:5 \\(bad-ratio\\): aspect_ratio: must be one of`),
    );
    expect(run.stderr).toMatch(new RegExp(`${jobs}:6 \\(no-prompt\\): .*prompt`));
    expect(run.stderr).toContain(`${jobs}:7 (no-file): image_url: ./missing.png: no such file`);
    expect(run.stderr).toContain(
      `${jobs}:8 (ftp): image_url takes a local path, an https: URL or a data: URI; got a ftp: URL`,
    );
    expect(run.stderr).toContain(
      `${jobs}:9 (plain-http): image_url: plain http: is accepted only for 127.0.0.1`,
    );
    expect(run.stderr).toContain("6 invalid line(s)");
    expect(run.stderr).toContain("--skip-invalid");
    expect(env.emulator.stats.submitDigests.length).toBe(submitsBefore);
    expect(existsSync(join(dir, "out", ".kontext-batch.journal"))).toBe(false);
  });

  it("runs the valid lines with --skip-invalid and counts the invalid ones as failed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kontext-batch-"));
    const jobs = jobsFile(dir, 3, [
      "{oops",
      JSON.stringify({
        id: "bad-ratio",
        prompt: "p",
        image_url: "https://x.test/a.png",
        aspect_ratio: "5:4",
      }),
    ]);
    const run = await runCli(
      [
        "batch",
        jobs,
        "--out",
        join(dir, "out"),
        "--skip-invalid",
        "--poll-interval",
        "20",
        "--json",
      ],
      { cwd: dir, env: apiEnv() },
    );
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ total: 5, done: 3, failed: 2, invalid: 2 });
    const statuses = readFileSync(join(dir, "out", "results.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l).status);
    expect(statuses).toEqual(["done", "done", "done", "invalid", "invalid"]);
  });

  it("pauses every new submit of the batch while a 429's Retry-After runs", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kontext-batch-"));
    const jobs = jobsFile(dir, 12);
    const from = env.emulator.stats.requests.length;
    env.emulator.inject({ kind: "429", route: "submit", retryAfter: 1, times: 1 });
    const run = await runCli(
      ["batch", jobs, "--out", join(dir, "out"), "--concurrency", "4", "--poll-interval", "20"],
      { cwd: dir, env: apiEnv() },
    );
    expect(run.status).toBe(0);
    const submits = env.emulator.stats.requests.slice(from).filter((r) => r.route === "submit");
    const limited = submits[0]!.at;
    // Requests already in flight when the 429 arrived may land just after it; none may start later
    // until the second has passed.
    expect(submits.filter((r) => r.at > limited + 200 && r.at < limited + 900)).toEqual([]);
    expect(submits.length).toBe(12 + 1);
  });

  it("makes no synchronous file system call on the event loop per job", async () => {
    // Node reports every synchronous I/O call after the first tick; module loading makes some,
    // but a batch of 12 jobs must make no more than one of 3 (each job used to fsync 3 times).
    const syncCalls = async (count: number) => {
      const dir = mkdtempSync(join(tmpdir(), "kontext-batch-"));
      const run = await runCli(
        ["batch", jobsFile(dir, count), "--out", join(dir, "out"), "--concurrency", "4"],
        { cwd: dir, env: { ...apiEnv(), NODE_OPTIONS: "--trace-sync-io" } },
      );
      expect(run.status).toBe(0);
      return run.stderr.split("Detected use of sync API").length - 1;
    };
    const few = await syncCalls(3);
    const many = await syncCalls(12);
    expect(few).toBeGreaterThan(0); // the trace works: start-up's module loading shows
    expect(many - few).toBeLessThan(9);
  });

  it("runs 16 jobs at once without Node's listener-leak warning in the user's terminal", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kontext-batch-"));
    const out = join(dir, "out");
    const args = ["batch", jobsFile(dir, 32), "--out", out, "--concurrency", "16", "--json"];
    const run = await runCli([...args, "--poll-interval", "20"], { cwd: dir, env: apiEnv() });
    expect(JSON.parse(run.stdout).done).toBe(32);
    expect(run.stderr).not.toMatch(/MaxListenersExceeded|memory leak/);
  });

  it("stops on SIGINT with exit 130, leaving jobs running upstream, and a re-run resumes them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kontext-batch-"));
    const jobs = jobsFile(dir, 40);
    const out = join(dir, "out");
    const args = [
      "batch",
      jobs,
      "--out",
      out,
      "--concurrency",
      "4",
      "--poll-interval",
      "20",
      "--json",
    ];
    const child = spawnCli(args, { cwd: dir, env: apiEnv() });
    const result = collect(child);
    await waitFor(() => journaledDone(out) >= 5);
    child.kill("SIGINT");
    const stopped = await result;
    expect(stopped.status).toBe(130);
    expect(stopped.stderr).toContain("interrupted: re-run the same command to resume");
    // The summary accounts for every job, as the journal left them.
    const summary = JSON.parse(stopped.stdout);
    const last = new Map(
      journalRecords(out)
        .filter((r) => r.t !== "batch")
        .map((r) => [r.key, r.t]),
    );
    const inJournal = (t: string) => [...last.values()].filter((v) => v === t).length;
    expect(summary.done).toBe(inJournal("done"));
    expect(summary.running).toBe(inJournal("submitted"));
    expect(summary.unknown).toBe(inJournal("submitting"));
    expect(summary.notStarted).toBe(40 - last.size);
    expect(summary.notStarted).toBeGreaterThan(0);
    expect(
      summary.done + summary.failed + summary.unknown + summary.running + summary.notStarted,
    ).toBe(40);
    expect(stopped.stderr).toContain(
      `${summary.running} running, ${summary.notStarted} not started`,
    );
    expect(env.emulator.stats.requests.filter((r) => r.route === "cancel")).toEqual([]);
    const resumed = JSON.parse((await runCli(args, { cwd: dir, env: apiEnv() })).stdout);
    expect(resumed).toMatchObject({ failed: 0, unknown: 0 });
    expect(resumed.done).toBe(40);
  });
});
