import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { OperationDescriptor } from "../../internal/contract.js";
import { validate } from "../../validate/validate.js";
import type { Fault } from "../faults.js";
import { isLoopback, readBody, sendJson } from "../http-util.js";
import type { Job } from "../jobs.js";
import { isRecord } from "../json.js";
import { directResultOf, resultOf } from "../results.js";
import { answerTaskSubmit } from "./tasks.js";
import type { EmulatorState } from "../state.js";

const BODY_LIMIT = 32 * 1024 * 1024;
const NOT_RETRYABLE = { "x-fal-retryable": "false" };

/** POST to a model route: validate like fal (422 `detail[]`), create the job, answer the envelope. */
export async function handleSubmit(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  descriptor: OperationDescriptor,
  url: URL,
  fault: Fault | undefined,
): Promise<void> {
  const raw = await readBody(req, BODY_LIMIT);
  if (raw === undefined) return sendJson(res, 413, { detail: "Request body too large" });
  let body: unknown;
  try {
    body = raw.length === 0 ? undefined : JSON.parse(raw.toString("utf8"));
  } catch {
    return sendJson(
      res,
      422,
      { detail: [{ loc: ["body"], msg: "Invalid JSON", type: "value_error.jsondecode" }] },
      NOT_RETRYABLE,
    );
  }
  if (descriptor.body) {
    if (body === undefined && descriptor.body.required) {
      return sendJson(
        res,
        422,
        { detail: [{ loc: ["body"], msg: "field required", type: "value_error.missing" }] },
        NOT_RETRYABLE,
      );
    }
    // The server, like fal's, ignores fields it does not know; the client is the strict one.
    const issues =
      body === undefined ? [] : validate(body, descriptor.body.schema, { rejectUnknown: false });
    if (issues.length > 0) {
      const detail = issues.map((issue) => ({
        loc: ["body", ...issue.path.split(".").filter(Boolean)],
        msg: issue.message,
        type: "value_error",
      }));
      return sendJson(res, 422, { detail }, NOT_RETRYABLE);
    }
  }
  const input = isRecord(body) ? body : {};
  state.stats.submits[descriptor.id] = (state.stats.submits[descriptor.id] ?? 0) + 1;
  state.stats.submitDigests.push(createHash("sha256").update(raw).digest("hex"));
  const role = state.taskRoles.get(descriptor.id);
  if (role?.kind === "submit")
    return answerTaskSubmit(state, res, role.submit, input, fault?.kind === "job-failure");
  if (!descriptor.queue) return sendJson(res, 200, directResultOf(state, descriptor, input));

  const [owner, app] = descriptor.path.split("/").filter(Boolean);
  const job = state.jobs.create(descriptor.id, `/${owner}/${app}`, input, state.timing);
  if (fault?.kind === "job-failure") {
    job.failure = {
      status: 500,
      body: { detail: "Upstream model error", error_type: "internal_error" },
    };
    state.jobs.save(job);
  }
  if (fault?.kind === "reset") return void req.socket.destroy(); // accepted, but the answer is lost
  scheduleWebhook(state, job, descriptor, url.searchParams.get("fal_webhook"));
  if (state.syncSubmit) {
    job.createdAt -= state.timing.queueMs + state.timing.runMs;
    return sendJson(res, 200, resultOf(state, job, descriptor), { "x-fal-request-id": job.id });
  }
  const base = `${state.envelopeOrigin}${job.appPath}/requests/${job.id}`;
  const envelope = {
    status: "IN_QUEUE",
    request_id: job.id,
    queue_position: state.jobs.queuePosition(job),
    response_url: base,
    status_url: `${base}/status`,
    cancel_url: `${base}/cancel`,
    logs: null,
    metrics: {},
  };
  sendJson(res, 200, envelope, { "x-fal-request-id": job.id });
}

/** `?fal_webhook=`: POSTs the outcome when the job completes; loopback targets only. */
function scheduleWebhook(
  state: EmulatorState,
  job: Job,
  descriptor: OperationDescriptor,
  target: string | null,
): void {
  if (!target) return;
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return;
  }
  if (!isLoopback(url.hostname)) return; // never call out of this machine
  const timer = setTimeout(() => {
    state.timers.delete(timer);
    const payload = job.failure ? null : resultOf(state, job, descriptor);
    const body = {
      request_id: job.id,
      gateway_request_id: job.id,
      status: job.failure ? "ERROR" : "OK",
      payload,
      error: job.failure ? job.failure.body : null,
    };
    void fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }).catch(() => undefined);
  }, state.timing.queueMs + state.timing.runMs);
  state.timers.add(timer);
}
