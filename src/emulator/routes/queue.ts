import type { ServerResponse } from "node:http";
import type { OperationDescriptor } from "../../internal/contract.js";
import type { Route } from "../faults.js";
import { sendJson } from "../http-util.js";
import type { Job } from "../jobs.js";
import { resultOf } from "../results.js";
import type { EmulatorState } from "../state.js";

/** Status (202 while queued or running, 200 when done), result and cancel, as fal answers them. */
export function handleQueue(
  state: EmulatorState,
  res: ServerResponse,
  route: Exclude<Route, "submit" | "cdn">,
  job: Job | undefined,
  url: URL,
): void {
  if (!job)
    return sendJson(
      res,
      404,
      route === "cancel" ? { status: "NOT_FOUND" } : { detail: "Request not found" },
    );
  const jobState = state.jobs.stateOf(job);
  if (route === "status") {
    state.jobs.countPoll(job);
    const body: Record<string, unknown> = {
      status: jobState,
      request_id: job.id,
      response_url: `${state.envelopeOrigin}${job.appPath}/requests/${job.id}`,
    };
    if (jobState === "IN_QUEUE") body.queue_position = state.jobs.queuePosition(job);
    else body.logs = url.searchParams.get("logs") === "1" ? logsFor(state, job, jobState) : null;
    if (jobState === "COMPLETED") body.metrics = { inference_time: state.timing.runMs / 1000 };
    return sendJson(res, jobState === "COMPLETED" ? 200 : 202, body);
  }
  if (route === "cancel") {
    if (jobState === "COMPLETED") return sendJson(res, 400, { status: "ALREADY_COMPLETED" });
    job.cancelledAt = Date.now();
    state.jobs.save(job);
    return sendJson(res, 202, { status: "CANCELLATION_REQUESTED" });
  }
  if (jobState !== "COMPLETED")
    return sendJson(res, 400, { detail: "Request is still in progress" });
  if (job.cancelledAt !== undefined) return sendJson(res, 400, { detail: "Request was cancelled" });
  if (job.failure)
    return sendJson(res, job.failure.status, job.failure.body, { "x-fal-request-id": job.id });
  const descriptor = state.operations.find(job.operationId)!;
  sendJson(res, 200, resultOf(state, job, descriptor), { "x-fal-request-id": job.id });
}

function logsFor(state: EmulatorState, job: Job, jobState: string) {
  const at = (ms: number) => new Date(job.createdAt + ms).toISOString();
  const { queueMs, runMs } = state.timing;
  const logs = [
    { message: "Loading model", level: "INFO", source: "user", timestamp: at(queueMs) },
  ];
  if (jobState === "COMPLETED")
    logs.push({
      message: "Generated the output",
      level: "INFO",
      source: "user",
      timestamp: at(queueMs + runMs),
    });
  return logs;
}
