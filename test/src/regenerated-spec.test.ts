import { beforeAll, describe, expect, it } from "vitest";
import { srcWorkspace } from "../helpers/src-workspace.js";

const CONSUMER_0 = `
import { createClient, ValidationError } from "./src/index.js";
import { startEmulator } from "./src/emulator/index.js";

const emulator = await startEmulator({ apiKey: "sk-x", timing: { queueMs: 0, runMs: 0, queuePolls: 1, runPolls: 1 }, imageScale: 0.1 });
const client = createClient({ apiKey: "sk-x", baseUrl: emulator.url, pollIntervalMs: 5 });
const flux = await client.run("/fal-ai/flux/dev", { prompt: "a cat", acceleration: "high", num_inference_steps: 20 });
// A default inferred from prose ("Default: 28") leaves its field optional in the input.
const minimal: import("./generated/index.gen.js").FalAiFluxDevInput = { prompt: "only the prompt" };
void minimal;
const audio = await client.run("falAiStableAudio", { prompt: "rain" });
// @ts-expect-error "turbo" is not a value of the acceleration enum recovered from x-apifox-enum
const bad = client.run("falAiFluxDev", { prompt: "x", acceleration: "turbo" }).catch((e: unknown) => e);
const rejected = await bad;
// An app that calls one operation of the spec hands the client only that one's descriptor.
const { contractWith, falAiStableAudioOperation } = await import("./generated/index.gen.js");
const picked = createClient({ apiKey: "sk-x", baseUrl: emulator.url, pollIntervalMs: 5, contract: contractWith(falAiStableAudioOperation) });
const pickedAudio = await picked.run("falAiStableAudio", { prompt: "rain" });
// @ts-expect-error only the operations given to contractWith are callable
const notPicked = await picked.run("falAiFluxDev", { prompt: "x" }).catch((e: unknown) => (e as Error).name);
console.log(JSON.stringify({
  pickedKeys: Object.keys(pickedAudio.data).sort(),
  notPicked,
  fluxKeys: Object.keys(flux.data).sort(),
  audioKeys: Object.keys(audio.data).sort(),
  rejected: rejected instanceof ValidationError ? rejected.issues : null,
  submits: emulator.stats.submits,
}));
await emulator.close();
`;

const CONSUMER_1 = `
import { createClient, ConfigurationError } from "./src/index.js";
import type { V1TasksOutput, V1TasksInput } from "./generated/index.gen.js";

const input: V1TasksInput = { prompt: "no auth header needed" };
const output: V1TasksOutput = { task_id: "t-1" };
let refused = "";
try {
  createClient({ apiKey: "sk-x" });
} catch (error) {
  if (error instanceof ConfigurationError) refused = error.message;
}
const client = createClient({ apiKey: "sk-x", baseUrl: "http://127.0.0.1:9" });
console.log(JSON.stringify({ refused, input, output, ok: typeof client.run }));
`;

const CONSUMER_2 = `
import { createClient } from "./src/index.js";
import { startEmulator } from "./src/emulator/index.js";
import { operationTable } from "./generated/index.gen.js";

const emulator = await startEmulator({ apiKey: "sk-x", timing: { queueMs: 0, runMs: 0, queuePolls: 1, runPolls: 1 }, imageScale: 0.05 });
const client = createClient({ apiKey: "sk-x", baseUrl: emulator.url, pollIntervalMs: 5 });
const { data } = await client.run("/fal-ai/bytedance/seedream/v4/text-to-image", { prompt: "a fox", num_images: 2 });
// The result type is the model's output, not the queue envelope.
const first: string = data.images[0]!.url;
const seed: number = data.seed;
// @ts-expect-error request_id belongs to the queue envelope, not to the result
void data.request_id;
console.log(JSON.stringify({ operations: Object.keys(operationTable), images: data.images.length, first: typeof first, seed: typeof seed }));
await emulator.close();
`;

const CONSUMER_3 = `
import { AbortedError, createClient, InternalServerError, JobFailedError, TimeoutError, ValidationError } from "./src/index.js";
import { startEmulator } from "./src/emulator/index.js";

const emulator = await startEmulator({ apiKey: "sk-x", timing: { queueMs: 0, runMs: 0, queuePolls: 1, runPolls: 1 } });
const client = createClient({ apiKey: "sk-x", baseUrl: emulator.url, retry: { initialDelayMs: 1 } });

const created = await client.request("POST /v1/videos/text2video", { body: { prompt: "a cat", duration: 5 } });
const taskId: string = created.data.task_id;
const task = await client.request("GET /v1/videos/text2video/{task_id}", { params: { path: { task_id: taskId } } });
const status: string = task.data.task_status;
const byId = await client.request("getV1Models", { params: { query: { limit: 10 } } });
const models: string[] = byId.data.models;
const cancelled = await client.request("DELETE /v1/videos/text2video/{task_id}", { params: { path: { task_id: taskId } } });

// @ts-expect-error the path parameter is required
void client.request("GET /v1/videos/text2video/{task_id}", {}).catch(() => undefined);
// @ts-expect-error prompt is required in the body
void client.request("POST /v1/videos/text2video", { body: { duration: 5 } }).catch(() => undefined);
// @ts-expect-error not an operation of the spec
void client.request("GET /v1/nothing").catch(() => undefined);

const missing = await client
  .request("GET /v1/videos/text2video/{task_id}", { params: { path: {} } } as never)
  .catch((e: unknown) => e);
const outOfRange = await client
  .request("getV1Models", { params: { query: { limit: 500 } } })
  .catch((e: unknown) => e);
const tooLong = await client
  .request("POST /v1/videos/text2video", { body: { prompt: "x", duration: 60 } })
  .catch((e: unknown) => e);

// A POST that may have been accepted is never sent twice; a GET is retried.
emulator.inject({ kind: "500", route: "submit", times: 1 });
const before = emulator.stats.requests.length;
const failedPost = await client.request("POST /v1/videos/text2video", { body: { prompt: "x" } }).catch((e: unknown) => e);
const postAttempts = emulator.stats.requests.length - before;
emulator.inject({ kind: "500", route: "submit", times: 1 });
const retriedGet = await client.request("getV1Models", {});

// The task protocol, declared in the overlay, runs through the same run()/wait() as fal's queue.
const fast = createClient({ apiKey: "sk-x", baseUrl: emulator.url, pollIntervalMs: 5 });
const statuses: string[] = [];
const ran = await fast.run("v1VideosText2video", { prompt: "a fox" }, { onProgress: (p) => statuses.push(p.status) });
const videos: { url: string }[] | undefined = ran.data?.videos;
const submitted = await fast.request("POST /v1/videos/text2video", { body: { prompt: "later" } });
const resumed = await fast.wait({ operation: "v1VideosText2video", requestId: submitted.data.task_id });
emulator.inject({ kind: "job-failure", route: "submit", times: 1 });
const failure = await fast.run("/v1/videos/text2video", { prompt: "doomed" }).catch((e: unknown) => e);
// Tasks that never finish: the deadline and the abort always find a running task to cancel.
const slow = await startEmulator({ apiKey: "sk-x", timing: { queueMs: 0, runMs: 0, queuePolls: Number.MAX_SAFE_INTEGER } });
const patient = createClient({ apiKey: "sk-x", baseUrl: slow.url, pollIntervalMs: 5 });
const timedOut = await patient.run("v1VideosText2video", { prompt: "slow" }, { timeoutMs: 3_000 }).catch((e: unknown) => e);
const stop = new AbortController();
const aborted = await patient.run("v1VideosText2video", { prompt: "slow" }, { signal: stop.signal, onSubmitted: () => stop.abort() }).catch((e: unknown) => e);
const cancels = slow.stats.requests.filter((r) => r.method === "DELETE").length;
await slow.close();

console.log(JSON.stringify({
  task: { statuses: [...new Set(statuses)], videos: Array.isArray(videos), resumed: typeof resumed.requestId,
    failure: failure instanceof JobFailedError ? failure.status : String(failure),
    timedOut: timedOut instanceof TimeoutError, aborted: aborted instanceof AbortedError, cancels },
  taskId: typeof taskId, status: typeof status, models: Array.isArray(models), cancelled: typeof cancelled.data,
  missing: missing instanceof ValidationError ? missing.issues : null,
  outOfRange: outOfRange instanceof ValidationError ? outOfRange.issues : null,
  tooLong: tooLong instanceof ValidationError ? tooLong.issues : null,
  failedPost: failedPost instanceof InternalServerError, postAttempts,
  retriedGet: Array.isArray(retriedGet.data.models),
  seen: emulator.stats.requests.slice(0, 4).map((r) => r.method + " " + r.path.replace(taskId, "{id}")),
}));
await emulator.close();
`;

/**
 * The facade's promise: a new export regenerates generated/ and every operation in it is
 * callable, typed, validated and served by the emulator, with src/ unchanged. We copy src/ next
 * to the six-endpoint fixture's generated output and use it there, as a user would.
 */
describe("src/ unchanged over a regenerated six-endpoint spec", () => {
  let workspace: ReturnType<typeof srcWorkspace>;

  beforeAll(() => {
    workspace = srcWorkspace(
      "regenerated",
      [
        "--spec",
        "test/fixtures/specs/multi-endpoint.apifox.yaml",
        "--overlay",
        "test/fixtures/seed/overlays/10-fal-relay.overlay.yaml",
        "--overlay",
        "test/fixtures/specs/multi-endpoint.overlay.yaml",
      ],
      CONSUMER_0,
    );
  });

  it("type-checks a consumer using the new operations, and the bad enum value is an error", () => {
    expect(workspace.typecheck()).toBe("");
  });
  it("runs the new operations against the emulator built from the same generated/", () => {
    const run = workspace.run();
    expect(run.stderr).toBe("");
    const report = JSON.parse(run.stdout);
    expect(report.rejected).toEqual([
      { path: "acceleration", message: 'must be one of "none", "regular", "high", got "turbo"' },
    ]);
    expect(report.submits).toEqual({ falAiFluxDev: 1, falAiStableAudio: 2 });
    // These results declare no properties: all the emulator adds is its note that it made them.
    expect(report.audioKeys).toEqual(["emulated"]);
    expect(report.fluxKeys).toEqual(["emulated"]);
    expect(report.pickedKeys).toEqual(["emulated"]);
    expect(report.notPicked).toBe("ConfigurationError");
  });
});

/** An apifox export with no environment: the client must ask for a base URL, and still compile. */
describe("src/ unchanged over an export with no servers", () => {
  let workspace: ReturnType<typeof srcWorkspace>;

  beforeAll(() => {
    workspace = srcWorkspace(
      "regenerated",
      ["--spec", "test/fixtures/specs/apifox-quirks.apifox.yaml"],
      CONSUMER_1,
    );
    expect(workspace.generated.stderr).toMatch(/warning \[no-servers\]/);
    expect(workspace.generated.stderr).toMatch(
      /warning \[transport-header-parameter\] removed header parameter "Authorization"/,
    );
    expect(workspace.generated.stderr).toMatch(
      /warning \[apifox-status-key\] response key "x-200:Success" read as status 200/,
    );
  });

  it("type-checks, with the response read from x-200 and no header inputs", () => {
    expect(workspace.typecheck()).toBe("");
  });
  it("asks for a base URL with a ConfigurationError, and works once given one", () => {
    const run = workspace.run();
    expect(run.stderr).toBe("");
    const report = JSON.parse(run.stdout);
    expect(report.refused).toMatch(/no base URL: the spec lists no server, so pass \{ baseUrl \}/);
    expect(report.ok).toBe("function");
  });
});

/** fal's own per-model OpenAPI: one queue operation, typed by the result endpoint's schema. */
describe("src/ unchanged over fal's own OpenAPI for a model", () => {
  let workspace: ReturnType<typeof srcWorkspace>;

  beforeAll(() => {
    workspace = srcWorkspace(
      "regenerated",
      ["--spec", "test/fixtures/fal/seedream-v4-text-to-image.openapi.json"],
      CONSUMER_2,
    );
    expect(workspace.generated.stderr).toMatch(/info \[fal-queue\] read as fal's queue/);
  });

  it("type-checks: run() returns the result schema, and only the submit is an operation", () => {
    expect(workspace.typecheck()).toBe("");
  });
  it("runs the model through the queue against the emulator built from the same output", () => {
    const run = workspace.run();
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({
      operations: ["falAiBytedanceSeedreamV4TextToImage"],
      images: 2,
      first: "string",
      seed: "number",
    });
  });
});

/** A task-id API: no queue, path and query parameters, GET and DELETE. Every operation callable. */
describe("src/ unchanged over a spec of plain JSON and task-id operations", () => {
  let workspace: ReturnType<typeof srcWorkspace>;

  beforeAll(() => {
    workspace = srcWorkspace(
      "regenerated",
      [
        "--spec",
        "test/fixtures/specs/task-api.apifox.yaml",
        "--overlay",
        "test/fixtures/specs/task-api.overlay.yaml",
      ],
      CONSUMER_3,
    );
  });

  it("type-checks typed params, bodies and responses for every operation, by id or route", () => {
    expect(workspace.typecheck()).toBe("");
  });
  it("calls each against the emulator with validation and method-aware retries", () => {
    const run = workspace.run();
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({
      task: {
        statuses: ["processing", "succeed"],
        videos: true,
        resumed: "string",
        failure: "failed",
        timedOut: true,
        aborted: true,
        cancels: 2,
      },
      taskId: "string",
      status: "string",
      models: true,
      cancelled: "object",
      missing: [{ path: "params.path.task_id", message: "is required" }],
      outOfRange: [{ path: "params.query.limit", message: "must be <= 100, got 500" }],
      tooLong: [{ path: "duration", message: "must be <= 10, got 60" }],
      failedPost: true,
      postAttempts: 1,
      retriedGet: true,
      seen: [
        "POST /v1/videos/text2video",
        "GET /v1/videos/text2video/{id}",
        "GET /v1/models",
        "DELETE /v1/videos/text2video/{id}",
      ],
    });
  });
});
