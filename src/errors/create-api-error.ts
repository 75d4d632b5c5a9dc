import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  NotFoundError,
  PaymentRequiredError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
  type ApiErrorInit,
  type FieldIssue,
} from "./api-error.js";

const BY_STATUS: Record<number, typeof ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  402: PaymentRequiredError,
  403: PermissionDeniedError,
  404: NotFoundError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** Maps a status to its subclass and fal's validation `detail[]` to field issues. */
export function createApiError(init: Omit<ApiErrorInit, "issues">): ApiError {
  const Class = BY_STATUS[init.status] ?? (init.status >= 500 ? InternalServerError : ApiError);
  return new Class({ ...init, issues: falIssues(init.body) });
}

/** fal: `{"detail": [{"loc": ["body", "prompt"], "msg": "...", "type": "..."}]}` or a string. */
function falIssues(body: unknown): FieldIssue[] {
  const detail =
    body && typeof body === "object" ? (body as { detail?: unknown }).detail : undefined;
  if (!Array.isArray(detail)) return [];
  return detail.flatMap((entry): FieldIssue[] => {
    if (!entry || typeof entry !== "object") return [];
    const { loc, msg, type } = entry as { loc?: unknown; msg?: unknown; type?: unknown };
    const segments = Array.isArray(loc) ? loc.map(String) : [];
    const path = (segments[0] === "body" ? segments.slice(1) : segments).join(".");
    const issue: FieldIssue = { path, message: typeof msg === "string" ? msg : "invalid" };
    if (typeof type === "string") issue.type = type;
    return [issue];
  });
}
