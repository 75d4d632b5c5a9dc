import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { applyFault } from "./apply-fault.js";
import type { Route } from "./faults.js";
import { isLoopback, sendJson } from "./http-util.js";
import { handleCdn } from "./routes/cdn.js";
import { handleControl } from "./routes/control.js";
import { handleQueue } from "./routes/queue.js";
import { handleSubmit } from "./routes/submit.js";
import { answerTaskCall } from "./routes/tasks.js";
import { createState, type EmulatorState } from "./state.js";
import { BEARER, carriesCredential, schemeOf } from "../middleware/credential.js";
import type { Emulator, EmulatorOptions } from "./types.js";

export type { Emulator, EmulatorOptions, EmulatorStats } from "./types.js";

const QUEUE_ROUTE = /^\/([^/]+)\/([^/]+)\/requests\/([^/]+)(\/status|\/cancel)?\/?$/;

/**
 * A local ChainHub relay: every operation of generated/openapi.json, fal's queue protocol,
 * validation answered in fal's 422 format, the auth its securitySchemes declare, real images on a second origin, and
 * faults on demand. For the demo, the test suite and users' own tests; loopback only.
 *
 * @example A test against the emulator, with a fault injected
 * ```ts
 * const emulator = await startEmulator({ timing: { queueMs: 0, runMs: 0 } });
 * const client = createClient({ baseUrl: emulator.url, apiKey: emulator.apiKey });
 * emulator.inject({ kind: "503", route: "status" }); // one failed poll, retried
 * const { data } = await client.run("falAiFluxProKontextMax", { prompt: "x", image_url: "https://example.com/a.png" });
 * expect(emulator.stats.submits.falAiFluxProKontextMax).toBe(1);
 * await emulator.close();
 * ```
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const host = options.host ?? "127.0.0.1";
  if (!isLoopback(host)) throw new Error(`the emulator listens on loopback only, not ${host}`);
  const state = await createState(options);
  const sockets = new Set<Socket>();
  const api = createServer(guard((req, res) => route(state, req, res)));
  const cdn = createServer(guard((req, res) => handleCdn(state, req, res)));
  for (const server of [api, cdn]) {
    server.on("connection", (socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    });
  }
  const origin = (port: number) => `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  const url = origin(await listen(api, options.port ?? 0, host));
  state.cdnUrl = origin(await listen(cdn, 0, host));

  return {
    url,
    cdnUrl: state.cdnUrl,
    apiKey: state.apiKey,
    stats: state.stats,
    inject: (fault) => state.faults.add(fault),
    clearFaults: () => state.faults.clear(),
    async close() {
      for (const timer of state.timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      await Promise.all(
        [api, cdn].map((server) => new Promise<void>((done) => server.close(() => done()))),
      );
    },
  };
}

/** Which route a request hits; every request is counted, then authenticated, then maybe faulted. */
async function route(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? "/", "http://emulator.invalid");
  const method = req.method ?? "GET";
  const presented = {
    url,
    header: (name: string) => {
      const value = req.headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(", ") : value;
    },
  };
  const carries = (scheme: ReturnType<typeof schemeOf>) =>
    carriesCredential(scheme, state.apiKey, presented);
  if (url.pathname.startsWith("/__emulator/")) {
    // The emulator's own controls take its spec's scheme, or Bearer as they always have.
    return carries(state.defaultAuth) || carries(BEARER)
      ? handleControl(state, req, res, url)
      : sendJson(res, 401, { detail: "Missing or invalid API key" });
  }
  const template = state.submitRoutes.has(`${method} ${url.pathname}`)
    ? undefined
    : state.templateRoutes.find((r) => r.method === method && r.pattern.test(url.pathname));
  const submit = state.submitRoutes.get(`${method} ${url.pathname}`) ?? template?.descriptor;
  const pathParams = template ? decodeGroups(template.pattern.exec(url.pathname)?.groups) : {};
  const queueMatch = submit ? null : QUEUE_ROUTE.exec(url.pathname);
  const name = submit ? "submit" : queueRouteOf(queueMatch?.[4], method, queueMatch !== null);
  state.stats.requests.push({ method, path: url.pathname, route: name, at: Date.now() });
  // Each operation's own scheme (the spec's securitySchemes); the document's for queue URLs.
  const authorized = carries(submit ? schemeOf(submit.auth) : state.defaultAuth);
  if (!authorized) return sendJson(res, 401, { detail: "Missing or invalid API key" });
  if (name === "unknown")
    return sendJson(res, 404, { detail: `No route for ${method} ${url.pathname}` });
  const fault = state.faults.take(name);
  // A failed run and a reset after acceptance are played out by the submit handler itself.
  const handledBySubmit =
    fault?.kind === "job-failure" || (fault?.kind === "reset" && name === "submit");
  if (fault && !handledBySubmit) return applyFault(req, res, fault, state.timers);
  const role = submit ? state.taskRoles.get(submit.id) : undefined;
  if (role && role.kind !== "submit") return answerTaskCall(state, res, role, submit!, pathParams);
  if (name === "submit") return handleSubmit(state, req, res, submit!, url, fault);
  const job = state.jobs.get(decodeURIComponent(queueMatch![3]!));
  const sameApp = job?.appPath === `/${queueMatch![1]}/${queueMatch![2]}`;
  return handleQueue(
    state,
    res,
    name as "status" | "result" | "cancel",
    sameApp ? job : undefined,
    url,
  );
}

function decodeGroups(groups: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(groups ?? {})) {
    try {
      out[name] = decodeURIComponent(value);
    } catch {
      out[name] = value;
    }
  }
  return out;
}

function queueRouteOf(
  suffix: string | undefined,
  method: string,
  matched: boolean,
): Route | "unknown" {
  if (!matched) return "unknown";
  if (suffix === "/status" && method === "GET") return "status";
  if (suffix === "/cancel" && method === "PUT") return "cancel";
  return suffix === undefined && method === "GET" ? "result" : "unknown";
}

/** An exception in a handler becomes a 500 (or a dropped socket), never a crashed emulator. */
function guard(handler: (req: IncomingMessage, res: ServerResponse) => unknown) {
  return (req: IncomingMessage, res: ServerResponse) => {
    Promise.resolve(handler(req, res)).catch((error: unknown) => {
      if (!res.headersSent)
        sendJson(res, 500, { detail: `emulator error: ${(error as Error).message}` });
      else res.destroy();
    });
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}
