import { ChainHubError } from "./chainhub-error.js";

/** A request or a whole wait took longer than allowed. `requestId` says which job, if any. */
export class TimeoutError extends ChainHubError {
  override name = "TimeoutError";

  constructor(
    message: string,
    readonly requestId?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
