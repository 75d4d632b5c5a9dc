import { ChainHubError, type RequestContext } from "./chainhub-error.js";

/** No usable HTTP answer: refused, reset, DNS failure, a truncated or unparsable body. */
export class ConnectionError extends ChainHubError {
  override name = "ConnectionError";
  readonly method: string;
  readonly url: string;
  readonly requestId: string | undefined;

  constructor(message: string, context: RequestContext, cause?: unknown) {
    super(`${message}: ${context.method} ${pathOf(context.url)}`, { cause });
    this.method = context.method;
    this.url = context.url;
    this.requestId = context.requestId;
  }
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}
