import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  loadContractDocument,
  operationTable,
  type OperationDescriptor,
} from "../internal/contract.js";
import { validate } from "../validate/validate.js";
import { FaultPlan, type Fault, type Route } from "./faults.js";
import { isLoopback, readBody, sendJson } from "./http-util.js";
import { dimensionsFor, ImageStore, render } from "./images/image-store.js";
import { JobStore, type Job, type JobTiming } from "./jobs.js";
import { isRecord } from "./json.js";
import { synthesizeResult } from "./synthesize-result.js";

export interface EmulatorOptions {
  /** 0 picks a free port. @default 0 */
  port?: number;
  /** Only loopback: the emulator is for tests and demos on this machine. @default "127.0.0.1" */
  host?: string;
  /** The Bearer key clients must send. @default "sk-emulator" */
  apiKey?: string;
  /** Time spent queued and running. @default { queueMs: 200, runMs: 300 } */
  timing?: Partial<JobTiming>;
  /** Multiplies output image sides (1 = about a megapixel). @default 1 */
  imageScale?: number;
  /** Answer submits with the finished result itself, as some relays do. @default false */
  syncSubmit?: boolean;
  /** Origin the envelope's URLs name, as the real relay passes fal's through. @default "https://queue.fal.run" */
  envelopeOrigin?: string;
}

export interface EmulatorStats {
  /** Accepted submits by operationId: a paid job each. */
  submits: Record<string, number>;
  /** sha256 of every accepted submit body, in order: the same digest twice is a duplicate payment. */
  submitDigests: string[];
  /** Every API request: method, path, the route it hit and when it arrived (ms since epoch). */
  requests: { method: string; path: string; route: Route | "unknown"; at: number }[];
  cdnDownloads: number;
  /** Downloads that arrived with an Authorization header (and were refused). */
  cdnRequestsWithAuthorization: number;
}

export interface Emulator {
  /** Base URL of the relay API, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Origin of the image CDN (a second server). */
  cdnUrl: string;
  apiKey: string;
  stats: EmulatorStats;
  /** Makes the next matching request(s) fail. */
  inject(fault: Fault): void;
  /** Drops every pending fault. */
  clearFaults(): void;
  /** Stops both servers and every pending timer. */
  close(): Promise<void>;
}

const QUEUE_ROUTE = /^\/([^/]+)\/([^/]+)\/requests\/([^/]+)(\/status|\/cancel)?\/?$/;
const BODY_LIMIT = 32 * 1024 * 1024;

/**
 * A local ChainHub relay: every operation of generated/openapi.json, fal's queue protocol,
 * validation answered in fal's 422 format, Bearer auth, real images on a second origin, and
 * faults on demand. For the demo, the test suite and users' own tests; loopback only.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const host = options.host ?? "127.0.0.1";
  if (!isLoopback(host)) throw new Error(`the emulator listens on loopback only, not ${host}`);
  const apiKey = options.apiKey ?? "sk-emulator";
  const timing: JobTiming = { queueMs: 200, runMs: 300, ...options.timing };
  const scale = options.imageScale ?? 1;
  const envelopeOrigin = options.envelopeOrigin ?? "https://queue.fal.run";
  const contract = await loadContractDocument();
  const jobs = new JobStore();
  const images = new ImageStore();
  const faults = new FaultPlan();
  const stats: EmulatorStats = {
    submits: {},
    submitDigests: [],
    requests: [],
    cdnDownloads: 0,
    cdnRequestsWithAuthorization: 0,
  };
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<import("node:net").Socket>();
  let cdnUrl = "";

  const submitRoutes = new Map<string, OperationDescriptor>();
  for (const descriptor of Object.values(operationTable as Record<string, OperationDescriptor>)) {
    submitRoutes.set(`${descriptor.method.toUpperCase()} ${descriptor.path}`, descriptor);
  }

  const resolve = (schema: unknown): Record<string, unknown> | undefined => {
    let current = schema;
    for (let i = 0; i < 16 && isRecord(current) && typeof current.$ref === "string"; i++) {
      current = current.$ref
        .replace(/^#\//, "")
        .split("/")
        .reduce<unknown>(
          (node, key) =>
            isRecord(node) ? node[key.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined,
          contract,
        );
    }
    return isRecord(current) ? current : undefined;
  };

  function resultSchemaOf(descriptor: OperationDescriptor): unknown {
    const operation = resolve({
      $ref: `#/paths/${descriptor.path.replace(/~/g, "~0").replace(/\//g, "~1")}/${descriptor.method}`,
    });
    const queue = operation?.["x-fal-queue"];
    if (isRecord(queue) && typeof queue.result === "string") return { $ref: queue.result };
    const ok = isRecord(operation?.responses)
      ? (operation.responses as Record<string, unknown>)["200"]
      : undefined;
    return isRecord(ok) && isRecord(ok.content)
      ? (ok.content as Record<string, { schema?: unknown }>)["application/json"]?.schema
      : undefined;
  }

  function resultOf(job: Job, descriptor: OperationDescriptor): unknown {
    const input = job.input;
    const seed = typeof input.seed === "number" ? input.seed : seedFrom(job.id);
    const count = typeof input.num_images === "number" ? input.num_images : 1;
    const format = input.output_format === "png" ? "png" : "jpeg";
    const { width, height } = dimensionsFor(input.aspect_ratio, scale);
    return synthesizeResult(resultSchemaOf(descriptor), {
      input,
      seed,
      imageCount: count,
      inferenceSeconds: timing.runMs / 1000,
      resolve,
      makeImage(index) {
        const spec = { width, height, seed: seed + index, format } as const;
        const file_name = `${job.id}-${index}.${format === "png" ? "png" : "jpg"}`;
        const content_type = format === "png" ? "image/png" : "image/jpeg";
        if (input.sync_mode === true) {
          const bytes = render(spec);
          return {
            url: `data:${content_type};base64,${bytes.toString("base64")}`,
            width,
            height,
            content_type,
            file_name,
            file_size: bytes.length,
          };
        }
        images.register(file_name, spec);
        // Rendered on download, so its size is not known yet: omitted rather than guessed.
        return { url: `${cdnUrl}/files/${file_name}`, width, height, content_type, file_name };
      },
    });
  }

  async function handleSubmit(
    req: IncomingMessage,
    res: ServerResponse,
    descriptor: OperationDescriptor,
    url: URL,
    fault: Fault | undefined,
  ) {
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
        { "x-fal-retryable": "false" },
      );
    }
    if (descriptor.body) {
      if (body === undefined && descriptor.body.required) {
        return sendJson(
          res,
          422,
          { detail: [{ loc: ["body"], msg: "field required", type: "value_error.missing" }] },
          { "x-fal-retryable": "false" },
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
        return sendJson(res, 422, { detail }, { "x-fal-retryable": "false" });
      }
    }
    const input = isRecord(body) ? body : {};
    stats.submits[descriptor.id] = (stats.submits[descriptor.id] ?? 0) + 1;
    stats.submitDigests.push(createHash("sha256").update(raw).digest("hex"));
    if (!descriptor.queue)
      return sendJson(
        res,
        200,
        synthesizeResult(resultSchemaOf(descriptor), {
          input,
          seed: 0,
          imageCount: 0,
          inferenceSeconds: 0,
          resolve,
          makeImage: () => {
            throw new Error("unreachable");
          },
        }),
      );
    const [owner, app] = descriptor.path.split("/").filter(Boolean);
    const job = jobs.create(descriptor.id, `/${owner}/${app}`, input, timing);
    if (fault?.kind === "job-failure")
      job.failure = {
        status: 500,
        body: { detail: "Upstream model error", error_type: "internal_error" },
      };
    if (fault?.kind === "reset") return req.socket.destroy(); // accepted, but the answer is lost
    scheduleWebhook(job, descriptor, url.searchParams.get("fal_webhook"));
    if (options.syncSubmit) {
      job.createdAt -= timing.queueMs + timing.runMs;
      return sendJson(res, 200, resultOf(job, descriptor), { "x-fal-request-id": job.id });
    }
    const base = `${envelopeOrigin}${job.appPath}/requests/${job.id}`;
    sendJson(
      res,
      200,
      {
        status: "IN_QUEUE",
        request_id: job.id,
        queue_position: jobs.queuePosition(job),
        response_url: base,
        status_url: `${base}/status`,
        cancel_url: `${base}/cancel`,
        logs: null,
        metrics: {},
      },
      { "x-fal-request-id": job.id },
    );
  }

  function scheduleWebhook(job: Job, descriptor: OperationDescriptor, target: string | null) {
    if (!target) return;
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      return;
    }
    if (!isLoopback(url.hostname)) return; // never call out of this machine
    const timer = setTimeout(() => {
      timers.delete(timer);
      const payload = job.failure ? null : resultOf(job, descriptor);
      void fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          request_id: job.id,
          gateway_request_id: job.id,
          status: job.failure ? "ERROR" : "OK",
          payload,
          error: job.failure ? job.failure.body : null,
        }),
      }).catch(() => undefined);
    }, timing.queueMs + timing.runMs);
    timers.add(timer);
  }

  function handleQueue(
    req: IncomingMessage,
    res: ServerResponse,
    route: Route,
    job: Job | undefined,
    url: URL,
  ) {
    if (!job)
      return sendJson(
        res,
        404,
        route === "cancel" ? { status: "NOT_FOUND" } : { detail: "Request not found" },
      );
    const state = jobs.stateOf(job);
    if (route === "status") {
      const body: Record<string, unknown> = {
        status: state,
        request_id: job.id,
        response_url: `${envelopeOrigin}${job.appPath}/requests/${job.id}`,
      };
      if (state === "IN_QUEUE") body.queue_position = jobs.queuePosition(job);
      if (state !== "IN_QUEUE")
        body.logs = url.searchParams.get("logs") === "1" ? logsFor(job, state) : null;
      if (state === "COMPLETED") body.metrics = { inference_time: timing.runMs / 1000 };
      return sendJson(res, state === "COMPLETED" ? 200 : 202, body);
    }
    if (route === "cancel") {
      if (state === "COMPLETED") return sendJson(res, 400, { status: "ALREADY_COMPLETED" });
      job.cancelledAt = Date.now();
      return sendJson(res, 202, { status: "CANCELLATION_REQUESTED" });
    }
    if (state !== "COMPLETED")
      return sendJson(res, 400, { detail: "Request is still in progress" });
    if (job.cancelledAt !== undefined)
      return sendJson(res, 400, { detail: "Request was cancelled" });
    if (job.failure)
      return sendJson(res, job.failure.status, job.failure.body, { "x-fal-request-id": job.id });
    const descriptor = (operationTable as Record<string, OperationDescriptor>)[job.operationId]!;
    sendJson(res, 200, resultOf(job, descriptor), { "x-fal-request-id": job.id });
  }

  function logsFor(job: Job, state: string) {
    const at = (ms: number) => new Date(job.createdAt + ms).toISOString();
    const logs = [
      { message: "Loading model", level: "INFO", source: "user", timestamp: at(timing.queueMs) },
    ];
    if (state === "COMPLETED")
      logs.push({
        message: "Generated the output",
        level: "INFO",
        source: "user",
        timestamp: at(timing.queueMs + timing.runMs),
      });
    return logs;
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://emulator.invalid");
    const method = req.method ?? "GET";
    if (url.pathname.startsWith("/__emulator/")) return handleControl(req, res, url);
    const submit = submitRoutes.get(`${method} ${url.pathname}`);
    const queueMatch = submit ? null : QUEUE_ROUTE.exec(url.pathname);
    const route: Route | "unknown" = submit
      ? "submit"
      : !queueMatch
        ? "unknown"
        : queueMatch[4] === "/status" && method === "GET"
          ? "status"
          : queueMatch[4] === "/cancel" && method === "PUT"
            ? "cancel"
            : !queueMatch[4] && method === "GET"
              ? "result"
              : "unknown";
    stats.requests.push({ method, path: url.pathname, route, at: Date.now() });
    if (req.headers.authorization !== `Bearer ${apiKey}`)
      return sendJson(res, 401, { detail: "Missing or invalid API key" });
    if (route === "unknown")
      return sendJson(res, 404, { detail: `No route for ${method} ${url.pathname}` });
    const fault = faults.take(route);
    if (fault && fault.kind !== "job-failure" && !(fault.kind === "reset" && route === "submit"))
      return applyFault(req, res, fault);
    if (route === "submit") return handleSubmit(req, res, submit!, url, fault);
    const job = jobs.get(decodeURIComponent(queueMatch![3]!));
    return handleQueue(
      req,
      res,
      route,
      job?.appPath === `/${queueMatch![1]}/${queueMatch![2]}` ? job : undefined,
      url,
    );
  }

  async function handleControl(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (req.headers.authorization !== `Bearer ${apiKey}`)
      return sendJson(res, 401, { detail: "Missing or invalid API key" });
    if (url.pathname === "/__emulator/stats" && req.method === "GET")
      return sendJson(res, 200, stats);
    if (url.pathname === "/__emulator/faults" && req.method === "POST") {
      const raw = await readBody(req, 64 * 1024);
      try {
        faults.add(JSON.parse(raw?.toString("utf8") ?? "") as Fault);
        return sendJson(res, 200, { ok: true });
      } catch {
        return sendJson(res, 400, { detail: "expected a fault as JSON" });
      }
    }
    if (url.pathname === "/__emulator/faults" && req.method === "DELETE") {
      faults.clear();
      return sendJson(res, 200, { ok: true });
    }
    return sendJson(res, 404, { detail: "unknown control route" });
  }

  function applyFault(req: IncomingMessage, res: ServerResponse, fault: Fault) {
    const retryAfter: Record<string, string> =
      fault.retryAfter === undefined ? {} : { "retry-after": String(fault.retryAfter) };
    switch (fault.kind) {
      case "429":
        return sendJson(res, 429, { detail: "Rate limit exceeded" }, retryAfter);
      case "500":
        return sendJson(res, 500, { detail: "Internal server error" });
      case "503":
        return sendJson(
          res,
          503,
          { detail: "Runner scheduling failure", error_type: "runner_scheduling_failure" },
          { "x-fal-error-type": "runner_scheduling_failure", ...retryAfter },
        );
      case "504-user":
        return sendJson(
          res,
          504,
          { detail: "Request timed out", error_type: "request_timeout" },
          { "x-fal-request-timeout-type": "user" },
        );
      case "reset":
        return req.socket.destroy();
      case "stall": {
        const timer = setTimeout(() => {
          timers.delete(timer);
          req.socket.destroy();
        }, fault.stallMs ?? 30_000);
        timers.add(timer);
        return;
      }
      case "malformed-json": {
        const text = '{"status": "IN_QUEUE", "request_id": ';
        res.writeHead(200, { "content-type": "application/json", "content-length": text.length });
        return res.end(text);
      }
      case "truncated": {
        res.writeHead(200, { "content-type": "application/json", "content-length": 4096 });
        res.write('{"status": "COMPLETED", "images": [');
        return setTimeout(() => req.socket.destroy(), 10);
      }
      default:
        return sendJson(res, 500, { detail: "unknown fault" });
    }
  }

  function handleCdn(req: IncomingMessage, res: ServerResponse) {
    if (req.headers.authorization !== undefined) {
      stats.cdnRequestsWithAuthorization++;
      return sendJson(res, 403, { detail: "This host does not accept Authorization headers" });
    }
    const fault = faults.take("cdn");
    if (fault) return applyFault(req, res, fault);
    const name = /^\/files\/([^/]+)$/.exec(
      new URL(req.url ?? "/", "http://cdn.invalid").pathname,
    )?.[1];
    const image = name ? images.bytes(name) : undefined;
    if (!image) return sendJson(res, 404, { detail: "No such file" });
    stats.cdnDownloads++;
    res.writeHead(200, { "content-type": image.contentType, "content-length": image.bytes.length });
    res.end(image.bytes);
  }

  const guard =
    (handler: (req: IncomingMessage, res: ServerResponse) => unknown) =>
    (req: IncomingMessage, res: ServerResponse) => {
      Promise.resolve(handler(req, res)).catch((error: unknown) => {
        if (!res.headersSent)
          sendJson(res, 500, { detail: `emulator error: ${(error as Error).message}` });
        else res.destroy();
      });
    };
  const api = createServer(guard(handleApi));
  const cdn = createServer(guard(handleCdn));
  for (const server of [api, cdn])
    server.on("connection", (socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    });
  const apiPort = await listen(api, options.port ?? 0, host);
  const cdnPort = await listen(cdn, 0, host);
  const origin = (port: number) => `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  cdnUrl = origin(cdnPort);

  return {
    url: origin(apiPort),
    cdnUrl,
    apiKey,
    stats,
    inject: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    async close() {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      await Promise.all(
        [api, cdn].map((server) => new Promise<void>((done) => server.close(() => done()))),
      );
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/** A stable seed from a request id, as fal picks one when the caller does not. */
function seedFrom(id: string): number {
  return createHash("sha256").update(id).digest().readUInt32BE(0) % 2_147_483_647;
}
