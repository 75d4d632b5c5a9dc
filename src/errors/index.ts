export { ChainHubError, type RequestContext } from "./chainhub-error.js";
export {
  ApiError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  NotFoundError,
  PaymentRequiredError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
  type FieldIssue,
} from "./api-error.js";
export { createApiError } from "./create-api-error.js";
export { ValidationError } from "./validation-error.js";
export { ConnectionError } from "./connection-error.js";
export { TimeoutError } from "./timeout-error.js";
export { AbortedError } from "./aborted-error.js";
export { JobFailedError } from "./job-failed-error.js";
export { ConfigurationError } from "./configuration-error.js";
export { InternalError } from "./internal-error.js";
