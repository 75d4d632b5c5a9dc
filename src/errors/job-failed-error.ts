import { ChainHubError } from "./chainhub-error.js";

/** A job ran and its provider reported that it failed (a task's `failed` status). */
export class JobFailedError extends ChainHubError {
  /** Always `"JobFailedError"`. */
  override name = "JobFailedError";

  constructor(
    message: string,
    /** The failed job's id (the task id for a task protocol). */
    readonly requestId: string,
    /** The status value that meant failure. */
    readonly status: unknown,
    /** The provider's answer to the last poll. */
    readonly body: unknown,
  ) {
    super(message);
  }
}
