import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: string };
}

export interface FakeGitHub {
  /** What GITHUB_API_URL would be. */
  url: string;
  comments: Map<number, FakeComment[]>;
  /** Each PR's head and its commits, oldest first (the head last). */
  pulls: Map<number, { head: { sha: string }; commits: string[] }>;
  /** Head commits that have a run of spec-diff.yml. */
  runs: Set<string>;
  requests: { method: string; url: string; authorization?: string }[];
  addComment(issue: number, body: string, login?: string): FakeComment;
  close(): Promise<void>;
}

const BOT = "github-actions[bot]";
const LIMIT = 65_536;

/**
 * A loopback server playing the parts of GitHub's REST API the workflows use: issue comments
 * (list with per_page/page and a Link header, create, update), a pull request's head and
 * commits, and whether a workflow has a run for a commit. Like
 * GitHub it answers 401 to a missing or wrong token, 403 without a User-Agent, and 422 to a
 * body over 65,536 characters. Comments it creates are the bot's, as with GITHUB_TOKEN.
 */
export async function startFakeGitHub(token: string): Promise<FakeGitHub> {
  const comments = new Map<number, FakeComment[]>();
  const pulls = new Map<number, { head: { sha: string }; commits: string[] }>();
  const runs = new Set<string>();
  const requests: FakeGitHub["requests"] = [];
  let nextId = 1000;
  const addComment = (issue: number, body: string, login = BOT) => {
    const comment = { id: nextId++, body, user: { login, type: login === BOT ? "Bot" : "User" } };
    comments.set(issue, [...(comments.get(issue) ?? []), comment]);
    return comment;
  };
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const authorization = request.headers.authorization;
    requests.push({
      method: request.method ?? "",
      url: url.pathname + url.search,
      ...(authorization ? { authorization } : {}),
    });
    const send = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { "content-type": "application/json", ...headers });
      response.end(JSON.stringify(value));
    };
    if (!request.headers["user-agent"])
      return send(403, { message: "Request forbidden by administrative rules." });
    if (authorization !== `Bearer ${token}` && authorization !== `token ${token}`)
      return send(401, { message: "Bad credentials" });
    let match;
    if ((match = /^\/repos\/o\/r\/issues\/(\d+)\/comments$/.exec(url.pathname))) {
      const issue = Number(match[1]);
      if (request.method === "GET") {
        const perPage = Math.min(Number(url.searchParams.get("per_page") ?? 30), 100);
        const page = Number(url.searchParams.get("page") ?? 1);
        const all = comments.get(issue) ?? [];
        const last = Math.max(1, Math.ceil(all.length / perPage));
        const link = (p: number, rel: string) =>
          `<http://${request.headers.host}${url.pathname}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
        const links = page < last ? [link(page + 1, "next"), link(last, "last")] : [];
        return send(
          200,
          all.slice((page - 1) * perPage, page * perPage),
          links.length ? { link: links.join(", ") } : {},
        );
      }
      if (request.method === "POST") {
        const { body } = JSON.parse(await readBody(request)) as { body: string };
        if (body.length > LIMIT)
          return send(422, {
            message: "Validation Failed",
            errors: [{ message: "body is too long (maximum is 65536 characters)" }],
          });
        return send(201, addComment(issue, body));
      }
    }
    if (
      (match = /^\/repos\/o\/r\/issues\/comments\/(\d+)$/.exec(url.pathname)) &&
      request.method === "PATCH"
    ) {
      const comment = [...comments.values()].flat().find((c) => c.id === Number(match![1]));
      if (!comment) return send(404, { message: "Not Found" });
      if (comment.user.login !== BOT)
        return send(403, { message: "not the bot's comment (the test forbids it)" });
      const { body } = JSON.parse(await readBody(request)) as { body: string };
      if (body.length > LIMIT) return send(422, { message: "Validation Failed" });
      comment.body = body;
      return send(200, comment);
    }
    if ((match = /^\/repos\/o\/r\/pulls\/(\d+)$/.exec(url.pathname)) && request.method === "GET") {
      const pull = pulls.get(Number(match[1]));
      return pull
        ? send(200, { number: Number(match[1]), head: pull.head })
        : send(404, { message: "Not Found" });
    }
    if (
      (match = /^\/repos\/o\/r\/pulls\/(\d+)\/commits$/.exec(url.pathname)) &&
      request.method === "GET"
    ) {
      const pull = pulls.get(Number(match[1]));
      return pull
        ? send(
            200,
            pull.commits.map((sha) => ({ sha })),
          )
        : send(404, { message: "Not Found" });
    }
    if (
      url.pathname === "/repos/o/r/actions/workflows/spec-diff.yml/runs" &&
      request.method === "GET"
    ) {
      const sha = url.searchParams.get("head_sha") ?? "";
      const found = url.searchParams.get("event") === "pull_request" && runs.has(sha);
      return send(200, {
        total_count: found ? 1 : 0,
        workflow_runs: found ? [{ head_sha: sha }] : [],
      });
    }
    send(404, { message: "Not Found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    comments,
    pulls,
    runs,
    requests,
    addComment,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
