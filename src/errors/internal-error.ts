import { ChainHubError, type RequestContext } from "./chainhub-error.js";
import { pathOfUrl } from "../internal/url-path.js";

/**
 * Something in this client (or a middleware or callback it ran) threw: a bug or a host API the
 * runtime lacks, not the network and not the API. Never retried, since it would fail the same
 * way again; `cause` holds what was thrown. Please report it if it is not your own callback's.
 */
export class InternalError extends ChainHubError {
  /** Always `"InternalError"`. */
  override name = "InternalError";
  /** HTTP method of the request in flight, if there was one. */
  declare readonly method: string | undefined;
  /** Its URL, if there was one; it never holds the API key. */
  declare readonly url: string | undefined;
  /** fal's request id when the failure concerned a known job. */
  declare readonly requestId: string | undefined;

  constructor(cause: unknown, context?: RequestContext) {
    const where = context ? `: ${context.method} ${pathOfUrl(context.url)}` : "";
    super(`internal error, not a network failure (${describe(cause)})${where}`, { cause });
    this.method = context?.method;
    this.url = context?.url;
    this.requestId = context?.requestId;
  }
}

function describe(cause: unknown): string {
  if (cause instanceof Error) return `${cause.name}: ${cause.message}`.slice(0, 300);
  return String(cause).slice(0, 300);
}
