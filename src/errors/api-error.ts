import { ChainHubError, type RequestContext } from "./chainhub-error.js";
import { pathOfUrl } from "../internal/url-path.js";

/** One problem with one field of an input. */
export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `num_images` or `loras.0.scale`. */
  path: string;
  /** What is wrong, e.g. `must be <= 4`. */
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
  /** The class's name: `"ApiError"` or a subclass's, e.g. `"RateLimitError"`. */
  override name = "ApiError";
  /** The HTTP status, e.g. 422. */
  declare readonly status: number;
  /** The response headers (`retry-after`, `x-fal-request-id`...). */
  declare readonly headers: Headers;
  /** The response body, parsed as JSON when it was JSON. */
  declare readonly body: unknown;
  /** HTTP method of the failed request. */
  declare readonly method: string;
  /** URL of the failed request; it never holds the API key. */
  declare readonly url: string;
  /** fal's request id when known (queue jobs, `x-fal-request-id`). */
  declare readonly requestId: string | undefined;
  /** Field-level problems the server reported (fal's 422 `detail[]`). */
  declare readonly issues: FieldIssue[];

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

/** 400 Bad Request. */
export class BadRequestError extends ApiError {
  /** Always `"BadRequestError"`. */
  override name = "BadRequestError";
}
/** 401 Unauthorized: the key is missing or wrong. */
export class AuthenticationError extends ApiError {
  /** Always `"AuthenticationError"`. */
  override name = "AuthenticationError";
}
/** 402 Payment Required: the account has no credit left. */
export class PaymentRequiredError extends ApiError {
  /** Always `"PaymentRequiredError"`. */
  override name = "PaymentRequiredError";
}
/** 403 Forbidden: the key may not call this operation. */
export class PermissionDeniedError extends ApiError {
  /** Always `"PermissionDeniedError"`. */
  override name = "PermissionDeniedError";
}
/** 404 Not Found: no such operation, or no such job. */
export class NotFoundError extends ApiError {
  /** Always `"NotFoundError"`. */
  override name = "NotFoundError";
}
/** 422 Unprocessable Entity: the server refused the input (see `issues`). */
export class UnprocessableEntityError extends ApiError {
  /** Always `"UnprocessableEntityError"`. */
  override name = "UnprocessableEntityError";
}
/** 429 Too Many Requests; retried by default, after `Retry-After` when the server sent one. */
export class RateLimitError extends ApiError {
  /** Always `"RateLimitError"`. */
  override name = "RateLimitError";
}
/** A 5xx status. Reads are retried by default; a submit only on 503, so a job is never paid twice. */
export class InternalServerError extends ApiError {
  /** Always `"InternalServerError"`. */
  override name = "InternalServerError";
}
