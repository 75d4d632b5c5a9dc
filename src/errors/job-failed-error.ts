import { ChainHubError } from "./chainhub-error.js";

/** A job ran and its provider reported that it failed (a task's `failed` status). */
export class JobFailedError extends ChainHubError {
  /** Always `"JobFailedError"`. */
  override name = "JobFailedError";
  /** The failed job's id (the task id for a task protocol). */
  declare readonly requestId: string;
  /** The status value that meant failure. */
  declare readonly status: unknown;
  /** The provider's answer to the last poll. */
  declare readonly body: unknown;

  constructor(message: string, requestId: string, status: unknown, body: unknown) {
    super(message);
    this.requestId = requestId;
    this.status = status;
    this.body = body;
  }
}
