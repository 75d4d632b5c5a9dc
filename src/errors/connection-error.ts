import { ChainHubError, type RequestContext } from "./chainhub-error.js";
import { pathOfUrl } from "../internal/url-path.js";

/** No usable HTTP answer: refused, reset, DNS failure, a truncated or unparsable body. */
export class ConnectionError extends ChainHubError {
  /** Always `"ConnectionError"`. */
  override name = "ConnectionError";
  /** HTTP method of the request that got no answer. */
  declare readonly method: string;
  /** Its URL; it never holds the API key. */
  declare readonly url: string;
  /** fal's request id when the request concerned a known job. */
  declare readonly requestId: string | undefined;

  constructor(message: string, context: RequestContext, cause?: unknown) {
    super(`${message}: ${context.method} ${pathOfUrl(context.url)}`, { cause });
    this.method = context.method;
    this.url = context.url;
    this.requestId = context.requestId;
  }
}
