import { ConnectionError } from "../errors/connection-error.js";
import { createApiError } from "../errors/create-api-error.js";
import { hostFetch, markNetworkFailure } from "../internal/host-fetch.js";
import { settleWithRetries, type RetryEvent } from "../internal/retry-loop.js";
import { errorCodes, isAbort, type RetryOptions } from "../internal/retry-policy.js";

export interface DownloadOptions {
  /** The host's or the caller's fetch; it never receives the API key. */
  fetch: typeof fetch;
  retry: RetryOptions;
  onRetry?: ((event: RetryEvent) => void) | undefined;
  signal?: AbortSignal | undefined;
  /** What the file is for, in messages: `image 0 of the result, for out/`. */
  purpose: string;
}

/** Bytes of an error answer kept for its message: a CDN's error page is not worth more. */
const ERROR_BODY_BYTES = 8 * 1024;

/**
 * Fetches one result file whole. Results expire upstream, so a download is the one read not to
 * give up on lightly: it is an idempotent GET, retried by the client's rules (resets, 408, 429
 * with `Retry-After`, 5xx, a body cut short), and its final failure is a ConnectionError or an
 * ApiError that names the URL and what the file was for. Never retried after an abort.
 */
export async function downloadFile(
  url: string,
  options: DownloadOptions,
): Promise<{ bytes: Uint8Array; contentType: string | null }> {
  const fetchImpl = hostFetch(options.fetch);
  const init: RequestInit = { redirect: "follow" };
  if (options.signal) init.signal = options.signal;
  const send = () => fetchImpl(url, init);
  let bytes: Uint8Array | undefined;
  // Read within its attempt: a body cut short fails that attempt, and the next one starts over.
  const readOk = async (response: Response) => {
    const body = await response.arrayBuffer().catch((error: unknown) => {
      throw markNetworkFailure(error);
    });
    bytes = new Uint8Array(body);
  };
  let response: Response;
  try {
    const first = await send().then(
      (answer) => ({ response: answer }),
      (error: unknown) => ({ error }),
    );
    response = await settleWithRetries(first, {
      method: "GET",
      url,
      resend: send,
      options: options.retry,
      onRetry: options.onRetry,
      signal: options.signal,
      readOk,
    });
  } catch (error) {
    if (isAbort(error) || options.signal?.aborted) throw error;
    const code = errorCodes(error)[0];
    throw new ConnectionError(
      `downloading ${options.purpose} failed${code ? ` (${code})` : ""}`,
      { method: "GET", url },
      error,
    );
  }
  if (!response.ok) {
    const error = createApiError({
      method: "GET",
      url,
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      body: asJson(await boundedText(response)),
    });
    error.message += `; downloading ${options.purpose}`;
    throw error;
  }
  // A 2xx settles only once readOk has read its body.
  return { bytes: bytes!, contentType: response.headers.get("content-type") };
}

/** The start of an error answer's body as text, never more than ERROR_BODY_BYTES read. */
async function boundedText(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < ERROR_BODY_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } catch {
    // What arrived is enough for a message.
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  const decoder = new TextDecoder();
  const text = chunks.map((chunk) => decoder.decode(chunk, { stream: true })).join("");
  return text.slice(0, ERROR_BODY_BYTES);
}

/** An error body as JSON when it is JSON (fal's `{ detail }`), else the text itself. */
function asJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
