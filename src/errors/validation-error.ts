import type { FieldIssue } from "./api-error.js";
import { ChainHubError } from "./chainhub-error.js";

/** The input broke the operation's contract; raised before any request is sent. */
export class ValidationError extends ChainHubError {
  override name = "ValidationError";

  constructor(
    readonly operationId: string,
    readonly issues: FieldIssue[],
  ) {
    super(
      `invalid input for ${operationId}: ${issues.map((i) => `${i.path || "body"}: ${i.message}`).join("; ")}`,
    );
  }
}
