import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GitHubApiError } from "../../../scripts/lib/github/github-api-error.js";
import { createGitHubRest } from "../../../scripts/lib/github/github-rest.js";
import { upsertStickyComment } from "../../../scripts/lib/github/sticky-comment.js";
import { startFakeGitHub, type FakeGitHub } from "./fake-github.js";

const TOKEN = "ghs_workflowtoken0123456789";
const MARKER = "<!-- sticky-test -->";
const target = { owner: "o", repo: "r", issueNumber: 7, marker: MARKER };

describe("the sticky comment against a loopback GitHub REST API", () => {
  let github: FakeGitHub;
  beforeAll(async () => {
    github = await startFakeGitHub(TOKEN);
  });
  afterAll(() => github.close());
  beforeEach(() => {
    github.comments.clear();
    github.requests.length = 0;
  });

  it("is created once, then updated in place on every later run", async () => {
    const rest = createGitHubRest({ apiUrl: github.url, token: TOKEN });
    const first = await upsertStickyComment(rest, target, `${MARKER}\nfirst`);
    const second = await upsertStickyComment(rest, target, `${MARKER}\nsecond`);
    expect(first.action).toBe("created");
    expect(second).toEqual({ action: "updated", id: first.id });
    expect(github.comments.get(7)?.map((c) => c.body)).toEqual([`${MARKER}\nsecond`]);
    expect(github.requests.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it("is found past the first page of comments, by following the Link header", async () => {
    for (let i = 0; i < 130; i++) github.addComment(7, `chatter ${i}`, "someone");
    const mine = github.addComment(7, `${MARKER}\nold report`);
    const rest = createGitHubRest({ apiUrl: github.url, token: TOKEN });
    expect(await upsertStickyComment(rest, target, `${MARKER}\nnew report`)).toEqual({
      action: "updated",
      id: mine.id,
    });
    expect(github.requests.filter((r) => r.method === "GET").map((r) => r.url)).toEqual([
      "/repos/o/r/issues/7/comments?per_page=100",
      "/repos/o/r/issues/7/comments?per_page=100&page=2",
    ]);
    expect(github.comments.get(7)).toHaveLength(131);
  });

  it("never edits a person's comment that quotes the marker", async () => {
    const quoted = github.addComment(7, `${MARKER}\nI copied the bot's comment`, "reviewer");
    const rest = createGitHubRest({ apiUrl: github.url, token: TOKEN });
    const result = await upsertStickyComment(rest, target, `${MARKER}\nreport`);
    expect(result.action).toBe("created");
    expect(github.comments.get(7)?.find((c) => c.id === quoted.id)?.body).toContain("I copied");
  });

  it("fails with GitHub's status and message on a refused token, without the token in it", async () => {
    const rest = createGitHubRest({ apiUrl: github.url, token: "ghs_wrong_token" });
    const error = await upsertStickyComment(rest, target, `${MARKER}\nx`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect((error as GitHubApiError).status).toBe(401);
    expect(String(error)).toBe(
      "GitHubApiError: 401 from GitHub: GET /repos/o/r/issues/7/comments (Bad credentials)",
    );
  });

  it("does not follow a next-page link to another origin, so the token stays with the API", async () => {
    let calls = 0;
    const leaky: typeof fetch = async (input, init) => {
      calls++;
      expect(new URL(String(input)).origin).toBe(github.url);
      const response = await fetch(input, init);
      const headers = new Headers(response.headers);
      headers.set("link", '<https://collector.example/steal?page=2>; rel="next"');
      return new Response(await response.text(), { status: response.status, headers });
    };
    const rest = createGitHubRest({ apiUrl: github.url, token: TOKEN, fetch: leaky });
    await rest.paginate("/repos/o/r/issues/7/comments");
    expect(calls).toBe(1);
  });

  it("refuses a plain http API URL that is not loopback", () => {
    expect(() =>
      createGitHubRest({ apiUrl: "http://github.example/api/v3", token: TOKEN }),
    ).toThrow("must be https:");
  });
});
