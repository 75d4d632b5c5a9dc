/**
 * Step of the `spec diff comment` workflow (workflow_run, token with pull-requests: write):
 * posts or updates the sticky comment from the artifact of the `spec diff` run, fork PRs
 * included. Never runs code from the PR: only this script, from the default branch, reads the
 * artifact as data. Usage:
 *   GITHUB_TOKEN=... GITHUB_REPOSITORY=owner/repo [GITHUB_API_URL=...]
 *   node --import tsx .github/scripts/post-spec-diff-comment.ts --dir <artifact dir> --head-sha <sha> [--run-url <url>]
 */
import { parseArgs } from "node:util";
import { createGitHubRest } from "../../scripts/lib/github/github-rest.js";
import { postSpecDiffComment } from "../../scripts/lib/github/post-spec-diff-comment.js";

const { values } = parseArgs({
  options: {
    dir: { type: "string" },
    "head-sha": { type: "string" },
    "run-url": { type: "string" },
  },
});
const token = process.env.GITHUB_TOKEN;
const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? "").split("/");
if (!token || !owner || !repo || !values.dir || !/^[0-9a-f]{40}$/.test(values["head-sha"] ?? "")) {
  console.error(
    "post-spec-diff-comment: needs GITHUB_TOKEN, GITHUB_REPOSITORY=owner/repo, --dir and --head-sha <40 hex>",
  );
  process.exit(2);
}
try {
  const github = createGitHubRest({
    apiUrl: process.env.GITHUB_API_URL ?? "https://api.github.com",
    token,
  });
  const outcome = await postSpecDiffComment(github, {
    owner,
    repo,
    dir: values.dir,
    headSha: values["head-sha"]!,
    ...(values["run-url"] ? { runUrl: values["run-url"] } : {}),
  });
  console.log(
    outcome.action === "skipped"
      ? `#${outcome.pullRequest}: not posted, ${outcome.reason}`
      : `#${outcome.pullRequest}: comment ${outcome.id} ${outcome.action}`,
  );
} catch (error) {
  // The token is a header, never part of a message: printing the error is safe.
  console.error(`post-spec-diff-comment: ${(error as Error).message}`);
  process.exit(1);
}
