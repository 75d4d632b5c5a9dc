import type { GitHubRest } from "./github-rest.js";

interface IssueComment {
  id: number;
  body?: string;
  user?: { login?: string } | null;
}

export interface StickyCommentTarget {
  owner: string;
  repo: string;
  issueNumber: number;
  /** A hidden HTML comment the body starts with: how the comment is found again. */
  marker: string;
  /** Only this account's comments are ever updated. @default "github-actions[bot]" */
  author?: string;
}

/**
 * One comment per pull request, updated in place on every run: the first comment that starts
 * with the marker and was written by the workflow's own account. A person's comment quoting the
 * marker is never edited (a write token could: GitHub lets maintainers edit any comment).
 */
export async function upsertStickyComment(
  github: GitHubRest,
  target: StickyCommentTarget,
  body: string,
): Promise<{ action: "created" | "updated"; id: number }> {
  const { owner, repo, issueNumber, marker } = target;
  const author = target.author ?? "github-actions[bot]";
  const base = `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/issues`;
  const comments = await github.paginate<IssueComment>(`${base}/${issueNumber}/comments`);
  const mine = comments.find((c) => c.user?.login === author && c.body?.startsWith(marker));
  if (mine) {
    await github.request("PATCH", `${base}/comments/${mine.id}`, { body });
    return { action: "updated", id: mine.id };
  }
  const created = await github.request<IssueComment>("POST", `${base}/${issueNumber}/comments`, {
    body,
  });
  return { action: "created", id: created.id };
}
