import type { ServerResponse } from "node:http";
import type { OperationDescriptor, TaskProtocol } from "../../internal/contract.js";
import { groupName } from "../../internal/path-template.js";
import { sendJson } from "../http-util.js";
import type { Job } from "../jobs.js";
import { isRecord } from "../json.js";
import { valueAt } from "../../tasks/task-runner.js";
import { directResultOf } from "../results.js";
import type { EmulatorState } from "../state.js";

type TaskSubmit = OperationDescriptor & { task: TaskProtocol };

/** What an operation is to a declared task protocol: its submit, its poll, or its cancel. */
export type TaskRole =
  | { kind: "submit"; submit: TaskSubmit }
  | { kind: "poll" | "cancel"; submit: TaskSubmit; idParam: string };

/**
 * Serves providers' own async protocols from their `x-async-task` declarations, so a spec's
 * task-id APIs run against the emulator like fal's queue does: a submit creates a job whose id
 * goes where the protocol says, a poll answers its status (running, then the first `done`
 * value, or the first `failed` one after a cancel or an injected failure) and its result.
 */
export function taskRoles(descriptors: OperationDescriptor[]): Map<string, TaskRole> {
  const roles = new Map<string, TaskRole>();
  for (const descriptor of descriptors) {
    if (!descriptor.task) continue;
    const submit = descriptor as TaskSubmit;
    roles.set(submit.id, { kind: "submit", submit });
    for (const kind of ["poll", "cancel"] as const) {
      const call = submit.task[kind];
      const idParam = Object.entries(call?.params?.path ?? {}).find(([, v]) => v === "{id}")?.[0];
      if (call && idParam) roles.set(call.operation, { kind, submit, idParam });
    }
  }
  return roles;
}

export function answerTaskSubmit(
  state: EmulatorState,
  res: ServerResponse,
  submit: TaskSubmit,
  input: Record<string, unknown>,
  /** An injected "job-failure": the task will end in its `failed` status. */
  fails: boolean,
): void {
  const job = state.jobs.create(submit.id, submit.path, input, state.timing);
  if (fails) {
    job.failure = { status: 200, body: null };
    state.jobs.save(job);
  }
  const answer = directResultOf(state, submit, input);
  setAt(answer, submit.task.id, job.id);
  setAt(answer, submit.task.status, runningStatus(submit.task));
  sendJson(res, 200, answer);
}

export function answerTaskCall(
  state: EmulatorState,
  res: ServerResponse,
  role: Exclude<TaskRole, { kind: "submit" }>,
  descriptor: OperationDescriptor,
  pathParams: Record<string, string>,
): void {
  const id = pathParams[groupName(role.idParam)] ?? "";
  const job = state.jobs.get(id);
  if (!job || job.operationId !== role.submit.id)
    return sendJson(res, 404, { detail: `no task ${id}` });
  if (role.kind === "cancel") {
    job.cancelledAt ??= Date.now();
    state.jobs.save(job);
    return sendJson(res, 200, directResultOf(state, descriptor, {}));
  }
  const { task } = role.submit;
  const answer = directResultOf(state, descriptor, job.input);
  setAt(answer, task.status, statusOf(state, job, task));
  if (!task.done.includes(valueAt(answer, task.status)) && task.result)
    setAt(answer, task.result, null);
  sendJson(res, 200, answer);
}

function statusOf(state: EmulatorState, job: Job, task: TaskProtocol): unknown {
  const failed = task.failed?.[0] ?? "failed";
  if (job.cancelledAt !== undefined || job.failure) return failed;
  const jobState = state.jobs.stateOf(job);
  state.jobs.countPoll(job);
  return jobState === "COMPLETED" ? task.done[0] : runningStatus(task);
}

function runningStatus(task: TaskProtocol): string {
  return "processing" === task.done[0] ? "running" : "processing";
}

function setAt(target: unknown, pointer: string, value: unknown): void {
  const keys = pointer
    .split("/")
    .slice(1)
    .map((k) => k.replace(/~1/g, "/").replace(/~0/g, "~"));
  let current = target;
  for (const key of keys.slice(0, -1)) {
    if (!isRecord(current)) return;
    if (!isRecord(current[key])) current[key] = {};
    current = current[key];
  }
  const last = keys.at(-1);
  if (last !== undefined && isRecord(current)) current[last] = value;
}
