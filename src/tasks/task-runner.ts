import { ConfigurationError } from "../errors/configuration-error.js";
import { JobFailedError } from "../errors/job-failed-error.js";
import { answerExcerpt } from "../internal/answer-excerpt.js";
import type { OperationDescriptor, TaskCall, TaskProtocol } from "../internal/contract.js";
import { parseRetryAfter } from "../internal/retry-policy.js";
import type { AnyTypes } from "../internal/contract.js";
import { pollUntilDone, type PolledJob } from "../internal/poll-until-done.js";
import type { QueueHandle, WaitOptions } from "../queue/types.js";

/** A job's handle whatever the spec: the runner reads only its id and urls. */
type JobHandle = QueueHandle<string, AnyTypes>;

/** Calls one operation of the spec (the client's `request`, untyped). */
export type Requester = (
  operation: string,
  init: { params?: TaskCall["params"]; body?: unknown; signal?: AbortSignal },
) => Promise<{ data: unknown; response?: Response }>;

/** Starts a task: the submit's answer holds its id where the protocol says. */
export async function submitTask(
  request: Requester,
  descriptor: OperationDescriptor & { task: TaskProtocol },
  input: unknown,
  signal?: AbortSignal,
): Promise<JobHandle> {
  const { data } = await request(descriptor.id, {
    body: input,
    ...(signal ? { signal } : {}),
  });
  const id = valueAt(data, descriptor.task.id);
  if (typeof id !== "string" && typeof id !== "number")
    throw new TypeError(
      `${descriptor.id}: the answer has no task id at ${descriptor.task.id || "/"}; check its x-async-task`,
    );
  return taskHandle(descriptor, String(id));
}

/** A handle for a task, from its id (after a crash: the persisted id is all it takes). */
export function taskHandle(
  descriptor: OperationDescriptor & { task: TaskProtocol },
  id: string,
): JobHandle {
  return {
    operationId: descriptor.id as never,
    requestId: id,
    urls: {
      status: descriptor.task.poll.operation,
      result: descriptor.task.poll.operation,
      cancel: descriptor.task.cancel?.operation ?? "",
    },
  };
}

/**
 * Polls a task until its status is one of `done` (and returns the result where the protocol
 * says) or `failed` (and throws JobFailedError). Unknown statuses mean "still running". Polls
 * come as a queue job's do (PollSchedule): short first, backing off to `pollIntervalMs`, again
 * short when the status changes, and when the provider says (`Retry-After` on a poll's answer).
 * On timeout or abort the task is cancelled first, when the protocol can, as the queue does.
 */
export async function waitForTask(
  request: Requester,
  descriptor: OperationDescriptor & { task: TaskProtocol },
  handle: JobHandle,
  options: WaitOptions = {},
): Promise<unknown> {
  const { task } = descriptor;
  const call = (which: TaskCall, signal?: AbortSignal) =>
    request(which.operation, {
      ...(which.params ? { params: withId(which.params, handle.requestId) } : {}),
      ...(signal ? { signal } : {}),
    });
  const { cancel } = task;
  const job: PolledJob = {
    what: "task",
    requestId: handle.requestId,
    cancel: cancel && (() => call(cancel)),
  };
  return pollUntilDone(job, options, async (signal) => {
    const { data, response } = await call(task.poll, signal);
    const status = valueAt(data, task.status);
    if (status === undefined)
      // A pointer that leads nowhere never reads "done": waiting on would poll forever.
      throw new ConfigurationError(
        `${descriptor.id}: the poll's answer for task ${handle.requestId} has no status at ${task.status}; check its x-async-task against the vendor's docs (the answer: ${answerExcerpt(data)})`,
      );
    return {
      state: String(status),
      retryAfterMs: parseRetryAfter(response?.headers.get("retry-after") ?? null),
      settle: () => {
        if (task.done.includes(status))
          return { result: task.result ? valueAt(data, task.result) : data };
        if (!task.failed?.includes(status)) return undefined;
        const why = task.error ? valueAt(data, task.error) : undefined;
        throw new JobFailedError(
          `task ${handle.requestId} of ${descriptor.id} failed (${String(status)})${typeof why === "string" && why ? `: ${why.slice(0, 200)}` : ""}`,
          handle.requestId,
          status,
          data,
        );
      },
    };
  });
}

/** The params with "{id}" replaced by the task's id wherever it stands. */
function withId(
  params: NonNullable<TaskCall["params"]>,
  id: string,
): NonNullable<TaskCall["params"]> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [group, values] of Object.entries(params)) {
    out[group] = Object.fromEntries(
      Object.entries(values ?? {}).map(([name, value]) => [
        name,
        typeof value === "string" ? value.split("{id}").join(id) : value,
      ]),
    );
  }
  return out;
}

/** RFC 6901 pointer into an answer; undefined where it leads nowhere. */
export function valueAt(value: unknown, pointer: string): unknown {
  let current = value;
  for (const raw of pointer.split("/").slice(1)) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
