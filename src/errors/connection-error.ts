import { ChainHubError, type RequestContext } from "./chainhub-error.js";
import { pathOfUrl } from "../internal/url-path.js";

/** No usable HTTP answer: refused, reset, DNS failure, a truncated or unparsable body. */
export class ConnectionError extends ChainHubError {
  override name = "ConnectionError";
  readonly method: string;
  readonly url: string;
  readonly requestId: string | undefined;

  constructor(message: string, context: RequestContext, cause?: unknown) {
    super(`${message}: ${context.method} ${pathOfUrl(context.url)}`, { cause });
    this.method = context.method;
    this.url = context.url;
    this.requestId = context.requestId;
  }
}
