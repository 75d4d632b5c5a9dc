import { ChainHubError } from "./chainhub-error.js";

/** A request or a whole wait took longer than allowed. `requestId` says which job, if any. */
export class TimeoutError extends ChainHubError {
  /** Always `"TimeoutError"`. */
  override name = "TimeoutError";
  /** The job that was being waited for, if one was submitted. */
  declare readonly requestId: string | undefined;

  constructor(
    message: string,
    requestId?: string,
    options?: {
      /** What stopped it: the signal's reason, or the deadline's error. */
      cause?: unknown;
    },
  ) {
    super(message, options);
    this.requestId = requestId;
  }
}
