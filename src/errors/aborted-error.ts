import { ChainHubError } from "./chainhub-error.js";

/** The caller's AbortSignal fired. `requestId` names the job that was cancelled, if one was submitted. */
export class AbortedError extends ChainHubError {
  /** Always `"AbortError"`, as the platform's own abort errors are named. */
  override name = "AbortError";
  /** The job that was cancelled, if one was submitted. */
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
