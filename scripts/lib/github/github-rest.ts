import { GitHubApiError } from "./github-api-error.js";

/** Where and as whom the workflow scripts call GitHub's REST API. */
export interface GitHubRestOptions {
  /** `GITHUB_API_URL` in Actions: https://api.github.com, or a GitHub Enterprise Server's. */
  apiUrl: string;
  token: string;
  /** Each request's deadline. @default 30 s */
  timeoutMs?: number;
  /** More pages than this are not read (100 items each). @default 50 */
  maxPages?: number;
  fetch?: typeof fetch;
}

export interface GitHubRest {
  request<T>(method: string, path: string, body?: unknown): Promise<T>;
  /** Every item of a list endpoint, page by page, following GitHub's `Link: rel="next"`. */
  paginate<T>(path: string): Promise<T[]>;
}

/**
 * The few REST calls the workflows make, with fetch: no client library to install in a job
 * that holds a write token. The token goes to the API's origin only: a `Link` header that
 * points elsewhere is not followed.
 */
export function createGitHubRest(options: GitHubRestOptions): GitHubRest {
  const api = new URL(options.apiUrl.endsWith("/") ? options.apiUrl : options.apiUrl + "/");
  if (api.protocol !== "https:" && !isLoopback(api.hostname))
    throw new Error(`GITHUB_API_URL must be https: (http: only to loopback), got ${api.origin}`);
  const fetchImpl = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxPages = options.maxPages ?? 50;

  async function send(method: string, url: URL, label: string, body?: unknown): Promise<Response> {
    const response = await fetchImpl(url, {
      method,
      headers: {
        accept: "application/vnd.github+json",
        authorization: `Bearer ${options.token}`,
        "x-github-api-version": "2022-11-28",
        "user-agent": "chainhub-fal-client-workflows",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: "error",
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) {
      const text = await response.text().catch(() => "");
      throw new GitHubApiError(response.status, method, label, apiMessage(text));
    }
    return response;
  }

  const resolve = (path: string) => new URL(path.replace(/^\//, ""), api);

  return {
    async request<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await send(method, resolve(path), path, body);
      return (response.status === 204 ? undefined : await response.json()) as T;
    },
    async paginate<T>(path: string): Promise<T[]> {
      const items: T[] = [];
      let url: URL | undefined = resolve(path);
      url.searchParams.set("per_page", "100");
      for (let page = 0; url && page < maxPages; page++) {
        const response = await send("GET", url, path);
        items.push(...((await response.json()) as T[]));
        const next = nextLink(response.headers.get("link"), url);
        url = next && next.origin === api.origin ? next : undefined;
      }
      return items;
    },
  };
}

function nextLink(header: string | null, base: URL): URL | undefined {
  const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(header ?? "");
  if (!match) return undefined;
  try {
    return new URL(match[1]!, base);
  } catch {
    return undefined;
  }
}

function apiMessage(text: string): string | undefined {
  try {
    const message = (JSON.parse(text) as { message?: unknown }).message;
    return typeof message === "string" ? message.slice(0, 200) : undefined;
  } catch {
    return undefined;
  }
}

function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}
