import type { FieldIssue } from "./api-error.js";
import { ChainHubError } from "./chainhub-error.js";

/** The input broke the operation's contract; raised before any request is sent. */
export class ValidationError extends ChainHubError {
  /** Always `"ValidationError"`. */
  override name = "ValidationError";
  /** The operation whose input was checked. */
  declare readonly operationId: string;
  /** Every problem found, one per field: all are reported at once. */
  declare readonly issues: FieldIssue[];

  constructor(operationId: string, issues: FieldIssue[]) {
    super(
      `invalid input for ${operationId}: ${issues.map((i) => `${i.path || "body"}: ${i.message}`).join("; ")}`,
    );
    this.operationId = operationId;
    this.issues = issues;
  }
}
