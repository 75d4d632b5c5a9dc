import createFetchClient from "openapi-fetch";
import type { FileInput } from "./files/file-inputs.js";
import {
  defaultContract,
  type AnyTypes,
  type Contract,
  type DefaultTypes,
  type TypesOf,
} from "./internal/contract.js";
import { asChainHubError, resumableError } from "./internal/after-submit.js";
import { createDirectFetch } from "./internal/direct-fetch.js";
import { OperationIndex } from "./internal/operation-index.js";
import { createTransport } from "./internal/transport.js";
import { authMiddleware } from "./middleware/auth.js";
import { assertRunnable } from "./tasks/assert-runnable.js";
import { createAuthLookup } from "./middleware/auth-lookup.js";
import { schemeOf } from "./middleware/credential.js";
import { loggingMiddleware } from "./middleware/logging.js";
import { retryMiddleware, type RetryEvent } from "./middleware/retry.js";
import { withDeadlineRace, withTimeout } from "./middleware/timeout.js";
import { resolveOptions, type ClientOptions } from "./options.js";
import { checkJobRef, QueueClient } from "./queue/queue-client.js";
import type {
  InputOf,
  QueueOperation,
  QueueRef,
  RunResult,
  SubmitOptions,
  WaitOptions,
} from "./queue/types.js";
import { waitForResult } from "./queue/wait.js";
import { requestOperation } from "./request/request.js";
import { submitTask, taskHandle, waitForTask, type Requester } from "./tasks/task-runner.js";
import type { OperationName, RequestArgs, RequestResult } from "./request/types.js";

/** Options of `run` and `kontextMax.edit`: those of a submit and of a wait, plus `onSubmitted`. */
export type RunOptions = SubmitOptions &
  WaitOptions & {
    /** Called once the job is accepted: persist `requestId` to resume after a crash. */
    onSubmitted?: (requestId: string) => void;
  };

/**
 * The seed model's generated input and output, looked up so that this file still compiles
 * against a spec without it (fal's documented shape stands in, and a call fails at run time).
 */
type KontextMaxInput<T extends AnyTypes> =
  T["operations"] extends Record<"falAiFluxProKontextMax", { input: infer I }>
    ? I
    : KontextMaxDocumented["input"];
type KontextMaxOutput<T extends AnyTypes> =
  T["operations"] extends Record<"falAiFluxProKontextMax", { output: infer O }>
    ? O
    : KontextMaxDocumented["output"];

/**
 * fal's documented shape of the model, for specs that do not have it: the method still
 * compiles there, and calling it says at run time that the spec has no such operation.
 */
interface KontextMaxDocumented {
  input: {
    prompt: string;
    image_url: string;
    seed?: number;
    guidance_scale?: number;
    num_images?: number;
    safety_tolerance?: string;
    output_format?: string;
    aspect_ratio?: string;
  };
  output: { images: { url: string; content_type?: string }[]; seed?: number; prompt?: string };
}

/** Input of `kontextMax.edit`: the generated input, with `image` for `image_url` and defaults optional. */
export type KontextMaxEditInput<T extends AnyTypes = DefaultTypes> = Omit<
  KontextMaxInput<T>,
  "image_url" | "output_format"
> &
  Partial<Pick<KontextMaxInput<T>, "output_format" & keyof KontextMaxInput<T>>> &
  (
    | {
        /** The image to edit: a URL, a data URI, bytes, a Blob or `fileFrom(path)`. */
        image: FileInput;
        /** Give `image` or `image_url`, not both. */
        image_url?: never;
      }
    | {
        /** The image to edit, under the spec's own field name. */
        image_url: FileInput;
        /** Give `image` or `image_url`, not both. */
        image?: never;
      }
  );

/** A client typed by one spec's contract (the bundled ChainHub spec unless you pass yours). */
export interface ChainHubClient<T extends AnyTypes = DefaultTypes> {
  /**
   * Calls any operation of the spec once, by operationId or `"METHOD /path"`: typed params and
   * body in, the typed response out. Validated, retried by the method's rules, typed errors.
   *
   * @example
   * ```ts
   * const { data } = await client.request("GET /v1/tasks/{task_id}", { params: { path: { task_id } } });
   * ```
   */
  request<N extends OperationName<T>>(
    operation: N,
    ...args: {} extends RequestArgs<N, T> ? [init?: RequestArgs<N, T>] : [init: RequestArgs<N, T>]
  ): Promise<RequestResult<N, T>>;
  /** The queue protocol for every queue operation in the spec. */
  queue: QueueClient<T>;
  /**
   * Submits a job, waits for it (polling, with progress) and returns its typed result: what
   * `fal.subscribe` does in @fal-ai/client. Aborting `signal` or passing `timeoutMs` cancels the job.
   *
   * @example
   * ```ts
   * const { requestId, data } = await client.run(
   *   "falAiFluxProKontextMax",
   *   { prompt: "Put a donut next to the flour", image_url: "https://example.com/kitchen.png" },
   *   { onProgress: (p) => console.log(p.status, p.queuePosition), onSubmitted: (id) => save(id) },
   * );
   * ```
   */
  run<N extends QueueOperation<T>>(
    operation: N,
    input: InputOf<N, T>,
    options?: RunOptions,
  ): Promise<RunResult<N, T>>;
  /** Resume waiting for a job submitted earlier (by this or another process). */
  wait<N extends QueueOperation<T>>(
    ref: QueueRef<N, T>,
    options?: WaitOptions,
  ): Promise<RunResult<N, T>>;
  /** FLUX.1 Kontext [max]: edit an image from a prompt. */
  kontextMax: {
    /** Submits the edit, waits (with progress) and returns the typed result. */
    edit(
      input: KontextMaxEditInput<T>,
      options?: RunOptions,
    ): Promise<{
      /** fal's id of the finished job. */
      requestId: string;
      /** The model's typed output: `images`, `seed`, `has_nsfw_concepts`... */
      data: KontextMaxOutput<T>;
    }>;
  };
}

/**
 * Creates a client for the ChainHub fal relay.
 *
 * @example Node: the key from CHAINHUB_API_KEY, a local file, images saved to disk
 * ```ts
 * const client = createClient();
 * const { data } = await client.kontextMax.edit({ prompt: "Make it snow", image: fileFrom("./photo.jpg") });
 * await saveImages(data, "./out");
 * ```
 *
 * @example Browser: no key in the page, your server's proxy holds it
 * ```ts
 * const client = createClient({ proxyUrl: "/api/chainhub" });
 * const file = document.querySelector<HTMLInputElement>("#photo")!.files![0];
 * const { data } = await client.kontextMax.edit({ prompt: "Make it snow", image: file });
 * img.src = data.images[0].url;
 * ```
 */
export function createClient<C extends Contract = typeof defaultContract>(
  options: ClientOptions<C> = {},
): ChainHubClient<TypesOf<C>> {
  type T = TypesOf<C>;
  const resolved = resolveOptions(options);
  const contract = options.contract ?? defaultContract;
  const operations = new OperationIndex(contract.operationTable);
  // The key travels as the spec's securitySchemes say (Bearer where it says nothing).
  const authLookup = createAuthLookup(contract);
  const fetchClient = createFetchClient<Record<string, never>>({
    baseUrl: resolved.baseUrl,
    fetch: withTimeout(resolved.fetch, resolved.timeoutMs),
  });
  // Order matters: user middleware sees the request first; retry must be last (it replays the final request).
  const { redactor } = resolved;
  const logger = resolved.logger;
  // The user's callback sees retry events with the key scrubbed, whichever path retried.
  const userOnRetry = resolved.onRetry;
  const onRetry = userOnRetry && ((event: RetryEvent) => userOnRetry(redactor.value(event)));
  const middleware = [
    ...resolved.middleware,
    ...(logger ? [loggingMiddleware({ debug: (line) => logger.debug(redactor.text(line)) })] : []),
    // Behind a proxy there is no key here: the proxy attaches it.
    ...(resolved.apiKey
      ? [authMiddleware(resolved.apiKey, new URL(resolved.baseUrl).origin, authLookup)]
      : []),
    retryMiddleware(resolved.retry, onRetry),
  ];
  fetchClient.use(...middleware);
  // Polls skip openapi-fetch unless a user middleware or the logger must see every request.
  const direct =
    resolved.middleware.length === 0 && !logger
      ? createDirectFetch({
          fetch: withDeadlineRace(resolved.fetch, resolved.timeoutMs),
          baseUrl: resolved.baseUrl,
          apiKey: resolved.apiKey,
          auth: schemeOf(contract.auth),
          retry: resolved.retry,
          onRetry,
        })
      : undefined;
  const transport = createTransport(fetchClient, resolved.baseUrl, redactor, direct);
  // One set of rules for queue submits and plain requests alike.
  const settings = {
    operations,
    validate: resolved.validate,
    maxInlineBytes: resolved.maxInlineBytes,
    redactor,
  };
  const queue = new QueueClient<T>(transport, settings);
  const withDefaults = (wait: WaitOptions = {}): WaitOptions => ({
    pollIntervalMs: resolved.pollIntervalMs,
    ...wait,
  });

  // The boundary: whatever a call throws (ours, openapi-fetch's, a user middleware's) leaves as
  // a ChainHubError, redacted.
  const guarded = <T>(promise: Promise<T>): Promise<T> =>
    promise.catch((error: unknown) => {
      throw redactor.error(asChainHubError(error));
    });
  // After a paid submit: the error names the job and how to resume it.
  const afterSubmit = <T>(promise: Promise<T>, operation: string, requestId: string) =>
    promise.catch((error: unknown) => {
      throw resumableError(error, operation, requestId);
    });

  const requester: Requester = (operation, init) =>
    requestOperation(transport, settings, operation, init);

  // Below the typed surface the spec is data: one loose path serves every contract's types.
  const jobs = queue as unknown as QueueClient<AnyTypes>;
  type LooseRef = QueueRef<string, AnyTypes>;
  const run = (operation: string, input: unknown, runOptions: RunOptions = {}) =>
    guarded(
      (async () => {
        const task = operations.task(operation);
        if (!task) assertRunnable(operations, operation);
        const handle = task
          ? await submitTask(requester, task, input, runOptions.signal)
          : await jobs.submit(operation, input as never, runOptions);
        const data = await afterSubmit(
          (async () => {
            runOptions.onSubmitted?.(handle.requestId);
            return task
              ? await waitForTask(requester, task, handle, withDefaults(runOptions))
              : await waitForResult(jobs, handle, withDefaults(runOptions));
          })(),
          String(handle.operationId),
          handle.requestId,
        );
        return { requestId: handle.requestId, data };
      })(),
    );
  const wait = (ref: LooseRef, waitOptions?: WaitOptions) =>
    guarded(
      (async () => {
        checkJobRef(ref);
        const operation = String("urls" in ref ? ref.operationId : ref.operation);
        const task = operations.task(operation);
        if (task) {
          const handle = "urls" in ref ? ref : taskHandle(task, ref.requestId);
          const data = await afterSubmit(
            waitForTask(requester, task, handle, withDefaults(waitOptions)),
            operation,
            handle.requestId,
          );
          return { requestId: handle.requestId, data };
        }
        const handle = jobs.handleOf(ref);
        const data = await afterSubmit(
          waitForResult(jobs, handle, withDefaults(waitOptions)),
          operation,
          handle.requestId,
        );
        return { requestId: handle.requestId, data };
      })(),
    );

  const client = {
    request: ((operation, init) => guarded(requester(operation, init))) satisfies Requester,
    queue,
    run,
    wait,
    kontextMax: {
      edit({ image, ...rest }: { image?: unknown; image_url?: unknown }, runOptions?: RunOptions) {
        const input = { ...rest, image_url: image ?? rest.image_url };
        return run("falAiFluxProKontextMax", input, runOptions);
      },
    },
  };
  return client as unknown as ChainHubClient<T>;
}
