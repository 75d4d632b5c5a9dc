/** GitHub's REST API answered with an error status: the request (never its token) and the answer. */
export class GitHubApiError extends Error {
  constructor(
    readonly status: number,
    readonly method: string,
    readonly path: string,
    /** GitHub's `message` field, when the body had one. */
    readonly apiMessage: string | undefined,
  ) {
    super(`${status} from GitHub: ${method} ${path}${apiMessage ? ` (${apiMessage})` : ""}`);
    this.name = "GitHubApiError";
  }
}
