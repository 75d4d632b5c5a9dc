import { ChainHubError } from "./chainhub-error.js";

/** A job ran and its provider reported that it failed (a task's `failed` status). */
export class JobFailedError extends ChainHubError {
  override name = "JobFailedError";

  constructor(
    message: string,
    readonly requestId: string,
    /** The status value that meant failure. */
    readonly status: unknown,
    /** The provider's answer to the last poll. */
    readonly body: unknown,
  ) {
    super(message);
  }
}
