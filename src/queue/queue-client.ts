import { ApiError } from "../errors/api-error.js";
import { ConfigurationError } from "../errors/configuration-error.js";
import { ConnectionError } from "../errors/connection-error.js";
import { asChainHubError } from "../internal/after-submit.js";
import { answerExcerpt } from "../internal/answer-excerpt.js";
import type { AnyTypes, DefaultTypes, OperationDescriptor } from "../internal/contract.js";
import type { Transport } from "../internal/transport.js";
import { parseRetryAfter } from "../internal/retry-policy.js";
import { checkBody, sendChecked, type RequestSettings } from "../request/request.js";
import { queueUrls, relayPath } from "./queue-urls.js";
import type {
  CancelOutcome,
  InputOf,
  OperationIdOf,
  OutputOf,
  QueueHandle,
  QueueOperation,
  QueueRef,
  QueueStatus,
  SubmitOptions,
} from "./types.js";

/** The client's rules for a submit: the same as for any typed request. */
export type QueueClientSettings = RequestSettings;

/** submit, status, result, cancel: fal's queue protocol through the relay, for any queue operation. */
export class QueueClient<T extends AnyTypes = DefaultTypes> {
  // ES private names: truly private, and short in an app's minified bundle.
  readonly #transport: Transport;
  readonly #settings: QueueClientSettings;

  constructor(transport: Transport, settings: QueueClientSettings) {
    this.#transport = transport;
    this.#settings = settings;
  }

  #describe(operation: string): OperationDescriptor {
    return this.#settings.operations.requireQueue(operation);
  }

  /**
   * Checks the input against the spec without sending anything, exactly as `submit` would
   * (required fields with a declared default count as given); an empty list means valid.
   */
  validate<N extends QueueOperation<T>>(operation: N, input: unknown) {
    return checkBody(this.#describe(operation), input).issues;
  }

  /** Submits a job. Validation errors throw before anything is sent (and paid for). */
  async submit<N extends QueueOperation<T>>(
    operation: N,
    input: InputOf<N, T>,
    options: SubmitOptions = {},
  ): Promise<QueueHandle<N, T>> {
    try {
      return await this.#send(operation, input, options);
    } catch (error) {
      throw this.#settings.redactor.error(asChainHubError(error));
    }
  }

  async #send<N extends QueueOperation<T>>(
    operation: N,
    input: InputOf<N, T>,
    options: SubmitOptions,
  ): Promise<QueueHandle<N, T>> {
    const descriptor = this.#describe(operation);
    const { data } = await sendChecked<Record<string, unknown>>(
      this.#transport,
      this.#settings,
      descriptor,
      {
        body: input,
        query: options.webhookUrl ? { fal_webhook: options.webhookUrl } : undefined,
        ...(options.signal ? { signal: options.signal } : {}),
      },
    );
    return toHandle<N, T>(descriptor, data);
  }

  /** The job's state; `logs: true` asks for its log lines too. */
  async status(
    ref: QueueRef<QueueOperation<T>, T>,
    options: {
      /** Ask for the job's log lines too (`?logs=1`). @default false */
      logs?: boolean;
      /** Aborts this one status request (the job keeps running). */
      signal?: AbortSignal;
    } = {},
  ): Promise<QueueStatus> {
    return (await this.statusWithHint(ref, options)).status;
  }

  /** The job's state, and when the relay asked to be polled again (`Retry-After`), if it did. */
  async statusWithHint(
    ref: QueueRef<QueueOperation<T>, T>,
    options: {
      /** Ask for the job's log lines too (`?logs=1`). @default false */
      logs?: boolean;
      /** Aborts this one status request (the job keeps running). */
      signal?: AbortSignal;
    } = {},
  ): Promise<{
    /** The job's state, as `status` returns it. */
    status: QueueStatus;
    /** The relay's `Retry-After`, in milliseconds, when it sent one. */
    retryAfterMs?: number;
  }> {
    const handle = this.handleOf(ref);
    const query = options.logs ? { logs: "1" } : undefined;
    const { data, response } = await this.#transport.callPath<QueueStatus>(
      "get",
      handle.urls.status,
      { query, signal: options.signal, requestId: handle.requestId },
    );
    if (typeof (data as { status?: unknown } | undefined)?.status !== "string")
      // Not a status: waiting on would poll it forever (there is no default deadline).
      throw this.#settings.redactor.error(
        new ConnectionError(
          `the API answered a status poll without a status (${answerExcerpt(data)})`,
          {
            method: "GET",
            // A test double's Response has no URL: the path polled then.
            url: response.url || handle.urls.status,
            requestId: handle.requestId,
          },
        ),
      );
    const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
    return retryAfterMs === undefined ? { status: data } : { status: data, retryAfterMs };
  }

  /** The finished job's typed result (fails while it is still running). */
  async result<N extends QueueOperation<T>>(
    ref: QueueRef<N, T>,
    options: {
      /** Aborts this one result request (the job and its result stay upstream). */
      signal?: AbortSignal;
    } = {},
  ): Promise<OutputOf<N, T>> {
    const handle = this.handleOf(ref);
    if (handle.syncResult !== undefined) return handle.syncResult;
    const { data } = await this.#transport.callPath<OutputOf<N, T>>("get", handle.urls.result, {
      signal: options.signal,
      requestId: handle.requestId,
    });
    return data;
  }

  /** Asks upstream to stop the job. Already finished or unknown jobs are outcomes, not errors. */
  async cancel(
    ref: QueueRef<QueueOperation<T>, T>,
    options: {
      /** Aborts the cancel request itself. */
      signal?: AbortSignal;
    } = {},
  ): Promise<CancelOutcome> {
    const handle = this.handleOf(ref);
    if (handle.syncResult !== undefined) return "ALREADY_COMPLETED";
    try {
      const { data } = await this.#transport.callPath<{ status?: CancelOutcome }>(
        "put",
        handle.urls.cancel,
        { signal: options.signal, requestId: handle.requestId },
      );
      return data?.status ?? "CANCELLATION_REQUESTED";
    } catch (error) {
      if (error instanceof ApiError && (error.status === 400 || error.status === 404)) {
        const status = (error.body as { status?: CancelOutcome } | undefined)?.status;
        return status ?? (error.status === 404 ? "NOT_FOUND" : "ALREADY_COMPLETED");
      }
      throw error;
    }
  }

  /** Rebuilds a handle from a persisted `{ operation, requestId }`. */
  handleOf<N extends QueueOperation<T>>(ref: QueueRef<N, T>): QueueHandle<N, T> {
    checkJobRef(ref);
    if ("urls" in ref) return ref;
    const descriptor = this.#describe(ref.operation);
    return {
      operationId: descriptor.id as OperationIdOf<N, T>,
      requestId: ref.requestId,
      urls: queueUrls(descriptor.path, ref.requestId),
    };
  }
}

/** A job reference from the caller (maybe from storage): a handle or `{ operation, requestId }`. */
export function checkJobRef(ref: unknown): void {
  const fields = ref as { requestId?: unknown; urls?: unknown; operation?: unknown } | null;
  if (
    typeof fields !== "object" ||
    fields === null ||
    typeof fields.requestId !== "string" ||
    (fields.urls === undefined && typeof fields.operation !== "string")
  )
    throw new ConfigurationError("expected a job's handle or { operation, requestId }");
}

/** The submit answer is either fal's queue envelope or, from some relays, the result itself. */
function toHandle<N, T extends AnyTypes>(
  descriptor: OperationDescriptor,
  data: Record<string, unknown> | undefined,
): QueueHandle<N, T> {
  const requestId = typeof data?.request_id === "string" ? data.request_id : undefined;
  const isEnvelope = requestId !== undefined && typeof data?.status === "string";
  if (!isEnvelope) {
    const id = requestId ?? "sync";
    return {
      operationId: descriptor.id as OperationIdOf<N, T>,
      requestId: id,
      urls: queueUrls(descriptor.path, id),
      syncResult: data as OutputOf<N, T>,
    };
  }
  const derived = queueUrls(descriptor.path, requestId);
  const handle: QueueHandle<N, T> = {
    operationId: descriptor.id as OperationIdOf<N, T>,
    requestId,
    urls: {
      status: relayPath(data.status_url, requestId, derived.status),
      result: relayPath(data.response_url, requestId, derived.result),
      cancel: relayPath(data.cancel_url, requestId, derived.cancel),
    },
  };
  if (typeof data.queue_position === "number") handle.queuePosition = data.queue_position;
  return handle;
}
