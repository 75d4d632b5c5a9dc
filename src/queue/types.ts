import type { AnyTypes, DefaultTypes } from "../internal/contract.js";
import type { WithFileInputs } from "../files/file-inputs.js";

/** A job operation (fal's queue or a declared task protocol), by operationId or submit path. */
export type QueueOperation<T extends AnyTypes = DefaultTypes> =
  (T["jobs"] & string) | (keyof T["jobPaths"] & string);

/** The operationId behind an operation named by id or by path. */
export type OperationIdOf<N, T extends AnyTypes = DefaultTypes> = N extends keyof T["jobPaths"]
  ? T["jobPaths"][N]
  : N;

type JobTypes<N, T extends AnyTypes> = T["operations"][OperationIdOf<N, T> & keyof T["operations"]];

/** What a caller passes: the generated input, with `*_url` fields also accepting files. */
export type InputOf<N, T extends AnyTypes = DefaultTypes> = WithFileInputs<
  JobTypes<N, T> extends { input: infer I } ? I : never
>;

/** The typed result of a queue operation. */
export type OutputOf<N, T extends AnyTypes = DefaultTypes> =
  JobTypes<N, T> extends { output: infer O } ? O : never;

/**
 * fal's queue protocol, which the relay passes through unchanged. Declared here rather than
 * read from the spec: the protocol is the client's to speak whatever a vendor export says, and
 * the relay may send fields or states no spec lists, so the types stay open.
 */
export interface QueueStatus {
  /** IN_QUEUE, IN_PROGRESS or COMPLETED; unknown states are treated as "still running". */
  status: "IN_QUEUE" | "IN_PROGRESS" | "COMPLETED" | (string & {});
  /** fal's id of the job. */
  request_id?: string;
  /** Jobs ahead of this one, while IN_QUEUE. */
  queue_position?: number;
  /** Where the result is fetched once COMPLETED. */
  response_url?: string;
  /** Where this status was read. */
  status_url?: string;
  /** Where the job is cancelled. */
  cancel_url?: string;
  /** Log lines, when asked for with `logs: true`. */
  logs?: QueueLog[] | null;
  /** Measurements of a finished job. */
  metrics?: {
    /** Seconds the model ran. */
    inference_time?: number | null;
    [key: string]: unknown;
  };
}

/** One log line of a running job (`?logs=1`). */
export interface QueueLog {
  /** The line's text. */
  message: string;
  /** Severity or stream, as the job reported it. */
  level?: "STDERR" | "STDOUT" | "ERROR" | "INFO" | "WARN" | "DEBUG" | (string & {});
  /** Who wrote it, as the job reported it. */
  source?: string;
  /** When, as the relay wrote it. */
  timestamp?: string;
}

/** What a cancel request achieved; none of these is an error. */
export type CancelOutcome = "CANCELLATION_REQUESTED" | "ALREADY_COMPLETED" | "NOT_FOUND";

/** A submitted job. Persist `operationId` and `requestId` to resume waiting after a crash. */
export interface QueueHandle<N = QueueOperation, T extends AnyTypes = DefaultTypes> {
  /** The operation the job runs. */
  operationId: OperationIdOf<N, T>;
  /** fal's id of the job: persist it to resume with `client.wait`. */
  requestId: string;
  /** Relay paths (relative to the base URL) for status, result and cancel. */
  urls: {
    /** Polled while waiting. */
    status: string;
    /** Fetched once the job is COMPLETED. */
    result: string;
    /** Called to stop the job. */
    cancel: string;
  };
  /** Position at submit time, when the relay said. */
  queuePosition?: number;
  /** Set when the relay answered the submit with the finished result itself. */
  syncResult?: OutputOf<N, T>;
}

/** Enough to find a job again: a handle, or what was persisted of one. */
export type QueueRef<N = QueueOperation, T extends AnyTypes = DefaultTypes> =
  | QueueHandle<N, T>
  | {
      /** The operation, by operationId or submit path. */
      operation: N;
      /** The job's id, as `QueueHandle.requestId` gave it. */
      requestId: string;
    };

/** Reported after every status poll while waiting. */
export interface Progress {
  /** The job being waited for. */
  requestId: string;
  /** IN_QUEUE, IN_PROGRESS, COMPLETED, or whatever new state the relay invents. */
  status: string;
  /** Jobs ahead of this one, while IN_QUEUE and when the relay says. */
  queuePosition?: number;
  /** Milliseconds since the wait began. */
  elapsedMs: number;
}

/** How to wait for a job. */
export interface WaitOptions {
  /** Called after every status poll. */
  onProgress?: (progress: Progress) => void;
  /** Called once per new log line (polls with `?logs=1` when set). */
  onLog?: (log: QueueLog) => void;
  /**
   * Give up (and cancel the job) after this long. 0, and anything past 24.8 days (what a timer
   * can hold), mean no limit. @default no limit
   */
  timeoutMs?: number;
  /** Aborting stops waiting and cancels the job upstream. */
  signal?: AbortSignal;
  /**
   * The longest pause between status polls: polls start at 50 ms (or this, if shorter) and back
   * off to it; a `Retry-After` on a status answer overrides it. @default 500
   */
  pollIntervalMs?: number;
  /**
   * Cancel the job upstream when the signal aborts or the timeout passes. Batch runs turn this
   * off: their jobs are resumed later by request id, not abandoned. @default true
   */
  cancelOnStop?: boolean;
}

/** Options of a submit. */
export interface SubmitOptions {
  /** fal POSTs the outcome here (`?fal_webhook=`). */
  webhookUrl?: string;
  /** Aborts the submit request. */
  signal?: AbortSignal;
}

/** A finished job: its id and its typed result. */
export interface RunResult<N, T extends AnyTypes = DefaultTypes> {
  /** fal's id of the job. */
  requestId: string;
  /** The operation's typed output. */
  data: OutputOf<N, T>;
}
