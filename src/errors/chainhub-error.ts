/** Base class of every error this package throws: `catch (e) { if (e instanceof ChainHubError) ... }`. */
export class ChainHubError extends Error {
  override name = "ChainHubError";

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** What every error tied to one HTTP exchange carries. */
export interface RequestContext {
  method: string;
  /** The URL without its query string's secrets; the API key is never part of a URL here. */
  url: string;
  /** fal's request id when known (queue jobs, `x-fal-request-id`). */
  requestId?: string;
}
