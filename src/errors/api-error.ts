import { ChainHubError, type RequestContext } from "./chainhub-error.js";
import { pathOfUrl } from "../internal/url-path.js";

/** One problem with one field of an input. */
export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `num_images` or `loras.0.scale`. */
  path: string;
  message: string;
  /** Machine-readable kind when the server gave one (fal's `type`). */
  type?: string;
}

export interface ApiErrorInit extends RequestContext {
  status: number;
  statusText: string;
  headers: Headers;
  /** The response body, parsed as JSON when it was JSON. */
  body: unknown;
  issues?: FieldIssue[];
  cause?: unknown;
}

/** The API answered with a non-2xx status. Subclasses name the common statuses. */
export class ApiError extends ChainHubError {
  override name = "ApiError";
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
  readonly method: string;
  readonly url: string;
  readonly requestId: string | undefined;
  /** Field-level problems the server reported (fal's 422 `detail[]`). */
  readonly issues: FieldIssue[];

  constructor(init: ApiErrorInit) {
    const issues = init.issues ?? [];
    super(describe(init, issues), { cause: init.cause });
    this.status = init.status;
    this.headers = init.headers;
    this.body = init.body;
    this.method = init.method;
    this.url = init.url;
    this.requestId = init.requestId;
    this.issues = issues;
  }

  /** Whether fal marked the failure as worth retrying (`X-Fal-Retryable`). */
  get retryable(): boolean | undefined {
    const flag = this.headers.get("x-fal-retryable");
    return flag === null ? undefined : flag === "true";
  }
}

/** `422 Unprocessable Entity: POST /fal-ai/... (num_images: must be <= 4)` */
function describe(init: ApiErrorInit, issues: FieldIssue[]): string {
  const path = pathOfUrl(init.url);
  const head = `${init.status} ${init.statusText || "Error"}: ${init.method} ${path}`;
  if (issues.length > 0)
    return `${head} (${issues.map((i) => `${i.path || "body"}: ${i.message}`).join("; ")})`;
  const detail = detailOf(init.body);
  return detail ? `${head} (${detail})` : head;
}

function detailOf(body: unknown): string | undefined {
  if (typeof body === "string") return body.trim().slice(0, 200) || undefined;
  if (body && typeof body === "object") {
    const record = body as Record<string, unknown>;
    for (const key of ["detail", "error", "message"]) {
      const value = record[key];
      if (typeof value === "string") return value.slice(0, 200);
      if (
        value &&
        typeof value === "object" &&
        typeof (value as { message?: unknown }).message === "string"
      ) {
        return String((value as { message: string }).message).slice(0, 200);
      }
    }
  }
  return undefined;
}

export class BadRequestError extends ApiError {
  override name = "BadRequestError";
}
export class AuthenticationError extends ApiError {
  override name = "AuthenticationError";
}
export class PaymentRequiredError extends ApiError {
  override name = "PaymentRequiredError";
}
export class PermissionDeniedError extends ApiError {
  override name = "PermissionDeniedError";
}
export class NotFoundError extends ApiError {
  override name = "NotFoundError";
}
export class UnprocessableEntityError extends ApiError {
  override name = "UnprocessableEntityError";
}
export class RateLimitError extends ApiError {
  override name = "RateLimitError";
}
export class InternalServerError extends ApiError {
  override name = "InternalServerError";
}
