import { open } from "node:fs/promises";
import { join } from "node:path";
import { STICKY_MARKER } from "../diff/format-markdown.js";
import type { GitHubRest } from "./github-rest.js";
import { commentBodyFromArtifact } from "./spec-diff-comment.js";
import { upsertStickyComment } from "./sticky-comment.js";

/** The artifact the pull_request job uploads and the workflow_run job reads. */
export const ARTIFACT = {
  name: "spec-diff-comment",
  comment: "comment.md",
  pullRequest: "pull-request.txt",
} as const;

export interface PostRequest {
  /** The workflow file whose runs report on pull requests. @default "spec-diff.yml" */
  workflowFile?: string;
  owner: string;
  repo: string;
  /** The folder the artifact was downloaded to. */
  dir: string;
  /** The commit the pull_request run reported on (`workflow_run.head_sha`). */
  headSha: string;
  runUrl?: string;
}

export type PostOutcome =
  | { action: "created" | "updated"; pullRequest: number; id: number }
  | { action: "skipped"; pullRequest: number; reason: string };

/** Artifact files are read up to this size: the comment is capped far below it anyway. */
const MAX_ARTIFACT_BYTES = 4 * 1024 * 1024;

/**
 * Posts the report of a pull_request run on its PR. The artifact comes from a run anyone with a
 * fork can start, so nothing in it is trusted: the PR number must be a number, and the commit the
 * run reported on must be that PR's head, or one of its commits (see whyNotPost).
 */
export async function postSpecDiffComment(
  github: GitHubRest,
  request: PostRequest,
): Promise<PostOutcome> {
  const numberText = (await readBounded(join(request.dir, ARTIFACT.pullRequest))).trim();
  if (!/^[1-9]\d{0,9}$/.test(numberText))
    throw new Error(`${ARTIFACT.pullRequest} does not hold a pull request number`);
  const pullRequest = Number(numberText);
  const repoPath = `/repos/${encodeURIComponent(request.owner)}/${encodeURIComponent(request.repo)}`;
  const pull = await github.request<{ head?: { sha?: string } }>(
    "GET",
    `${repoPath}/pulls/${pullRequest}`,
  );
  if (pull.head?.sha !== request.headSha) {
    const why = await whyNotPost(github, repoPath, pullRequest, request, String(pull.head?.sha));
    if (why) return { action: "skipped", pullRequest, reason: why };
  }
  const body =
    commentBodyFromArtifact(
      await readBounded(join(request.dir, ARTIFACT.comment)),
      request.runUrl,
    ) + `\n<sub>Reported for commit ${request.headSha.slice(0, 12)}.</sub>\n`;
  const result = await upsertStickyComment(
    github,
    { owner: request.owner, repo: request.repo, issueNumber: pullRequest, marker: STICKY_MARKER },
    body,
  );
  return { ...result, pullRequest };
}

async function readBounded(path: string): Promise<string> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(MAX_ARTIFACT_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, MAX_ARTIFACT_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString("utf8");
  } finally {
    await handle.close();
  }
}

/**
 * When the PR has moved past the run's commit: a commit that is not the PR's at all means the
 * artifact names another PR (refused); a run for the newer head means that run reports (an older
 * run ending late must not overwrite it); no such run (the later pushes did not touch the
 * workflow's paths) means this is still the latest report, and it is posted.
 */
async function whyNotPost(
  github: GitHubRest,
  repoPath: string,
  pullRequest: number,
  request: PostRequest,
  head: string,
): Promise<string | undefined> {
  const commits = await github.paginate<{ sha?: string }>(
    `${repoPath}/pulls/${pullRequest}/commits`,
  );
  if (!commits.some((commit) => commit.sha === request.headSha))
    throw new Error(
      `commit ${request.headSha.slice(0, 12)} is not one of #${pullRequest}'s: not posting there`,
    );
  const workflow = encodeURIComponent(request.workflowFile ?? "spec-diff.yml");
  const runs = await github.request<{ total_count?: number }>(
    "GET",
    `${repoPath}/actions/workflows/${workflow}/runs?event=pull_request&head_sha=${encodeURIComponent(head)}&per_page=1`,
  );
  if ((runs.total_count ?? 0) > 0)
    return `the PR's head is now ${head.slice(0, 12)}, and its own run reports`;
  return undefined;
}
