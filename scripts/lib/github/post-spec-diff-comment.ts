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
 * fork can start, so nothing in it is trusted: the PR number must be a number, and that PR's
 * head must still be the commit the run reported on (which also keeps an older run that ends
 * late from overwriting a newer report).
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
  if (pull.head?.sha !== request.headSha)
    return {
      action: "skipped",
      pullRequest,
      reason: `the PR's head is now ${String(pull.head?.sha).slice(0, 12)}, not ${request.headSha.slice(0, 12)}: the newer run reports`,
    };
  const body = commentBodyFromArtifact(
    await readBounded(join(request.dir, ARTIFACT.comment)),
    request.runUrl,
  );
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
