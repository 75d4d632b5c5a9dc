import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STICKY_MARKER } from "../../../scripts/lib/diff/format-markdown.js";
import { createGitHubRest } from "../../../scripts/lib/github/github-rest.js";
import { postSpecDiffComment } from "../../../scripts/lib/github/post-spec-diff-comment.js";
import { repoRoot } from "../../helpers/run-generate.js";
import { startFakeGitHub, type FakeGitHub } from "./fake-github.js";

const TOKEN = "ghs_commentjobtoken42";
const HEAD = "a".repeat(40);

/** Runs a workflow step's script as the workflow does, without the runner's environment. */
function runScript(
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", `.github/scripts/${script}`, ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? "", ...env },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

describe("the spec diff workflows' two steps, against a loopback GitHub", () => {
  let github: FakeGitHub;
  let artifact: string;
  beforeAll(async () => {
    github = await startFakeGitHub(TOKEN);
    // The pull_request job's outputs: generated/ stale, the diff found a breaking change.
    const work = mkdtempSync(join(tmpdir(), "spec-diff-job-"));
    writeFileSync(
      join(work, "drift.txt"),
      "1 generated file(s) are stale:\n  generated/openapi.json:3: differs\n",
    );
    writeFileSync(
      join(work, "spec-diff.md"),
      `${STICKY_MARKER}\n### API contract changes\n\n**1 breaking**\n`,
    );
    writeFileSync(join(work, "spec-diff.err"), "");
    artifact = join(work, "spec-diff-comment");
    const composed = await runScript("compose-spec-diff-comment.ts", [
      "--pull-request",
      "12",
      "--drift-status",
      "1",
      "--drift-output",
      join(work, "drift.txt"),
      "--diff-status",
      "1",
      "--diff-markdown",
      join(work, "spec-diff.md"),
      "--diff-stderr",
      join(work, "spec-diff.err"),
      "--run-url",
      "https://github.example/o/r/actions/runs/5",
      "--out-dir",
      artifact,
    ]);
    expect(composed.code, composed.stderr).toBe(0);
  });
  afterAll(() => github.close());

  const post = (env: Record<string, string> = {}) =>
    runScript("post-spec-diff-comment.ts", ["--dir", artifact, "--head-sha", HEAD], {
      GITHUB_TOKEN: TOKEN,
      GITHUB_REPOSITORY: "o/r",
      GITHUB_API_URL: github.url,
      ...env,
    });

  it("the report job writes the PR number and a comment that says generated/ is stale", () => {
    expect(readFileSync(join(artifact, "pull-request.txt"), "utf8")).toBe("12\n");
    const comment = readFileSync(join(artifact, "comment.md"), "utf8");
    expect(comment.startsWith(STICKY_MARKER)).toBe(true);
    expect(comment).toContain("`generated/` is stale");
    expect(comment).toContain("**1 breaking**");
  });

  // The script itself runs for what only it does (reading the environment, exit codes); the
  // rules it applies are called in this process, against the same loopback GitHub.
  const postInProcess = (dir = artifact) =>
    postSpecDiffComment(createGitHubRest({ apiUrl: github.url, token: TOKEN }), {
      owner: "o",
      repo: "r",
      dir,
      headSha: HEAD,
    });

  it("the comment job posts it on the PR, then updates that same comment", async () => {
    github.pulls.set(12, { head: { sha: HEAD }, commits: [HEAD] });
    const first = await post();
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/#12: comment \d+ created/);
    expect(await postInProcess()).toMatchObject({ action: "updated", pullRequest: 12 });
    expect(github.comments.get(12)).toHaveLength(1);
    // The artifact's comment as composed, and the commit it reports on.
    expect(github.comments.get(12)?.[0]?.body).toBe(
      readFileSync(join(artifact, "comment.md"), "utf8") +
        `\n<sub>Reported for commit ${HEAD.slice(0, 12)}.</sub>\n`,
    );
  });

  it("leaves the report to the newer commit's own run once the PR has moved on", async () => {
    const newer = "b".repeat(40);
    github.pulls.set(12, { head: { sha: newer }, commits: [HEAD, newer] });
    github.runs.add(newer);
    const before = JSON.stringify(github.comments.get(12));
    expect(await postInProcess()).toEqual({
      action: "skipped",
      pullRequest: 12,
      reason: "the PR's head is now bbbbbbbbbbbb, and its own run reports",
    });
    expect(JSON.stringify(github.comments.get(12))).toBe(before);
  });

  it("still posts when the newer commits started no run (they did not touch spec/ or generated/)", async () => {
    github.pulls.set(12, { head: { sha: "c".repeat(40) }, commits: [HEAD, "c".repeat(40)] });
    expect(await postInProcess()).toMatchObject({ action: "updated", pullRequest: 12 });
  });

  it("refuses an artifact naming a PR the run's commit is not part of", async () => {
    github.pulls.set(13, { head: { sha: "d".repeat(40) }, commits: ["d".repeat(40)] });
    const forged = mkdtempSync(join(tmpdir(), "forged-artifact-"));
    writeFileSync(join(forged, "pull-request.txt"), "13\n");
    writeFileSync(join(forged, "comment.md"), "not your PR");
    await expect(postInProcess(forged)).rejects.toThrow("is not one of #13's: not posting there");
    expect(github.comments.get(13)).toBeUndefined();
  });

  it("fails without printing the token when GitHub refuses it", async () => {
    const run = await post({ GITHUB_TOKEN: "ghs_revoked_token" });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("401 from GitHub");
    expect(run.stdout + run.stderr).not.toContain("ghs_revoked_token");
  });
});
