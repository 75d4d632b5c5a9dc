import type { IncomingMessage, ServerResponse } from "node:http";
import type { Fault } from "../faults.js";
import { readBody, sendJson } from "../http-util.js";
import type { EmulatorState } from "../state.js";

/**
 * `/__emulator/stats` and `/__emulator/faults`: what a test in another process (the CLI's) needs
 * to steer and inspect the emulator. Behind the same key as the API.
 */
export async function handleControl(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  if (url.pathname === "/__emulator/stats" && req.method === "GET")
    return sendJson(res, 200, state.stats);
  if (url.pathname === "/__emulator/faults" && req.method === "POST") {
    const raw = await readBody(req, 64 * 1024);
    try {
      state.faults.add(JSON.parse(raw?.toString("utf8") ?? "") as Fault);
      return sendJson(res, 200, { ok: true });
    } catch {
      return sendJson(res, 400, { detail: "expected a fault as JSON" });
    }
  }
  if (url.pathname === "/__emulator/faults" && req.method === "DELETE") {
    state.faults.clear();
    return sendJson(res, 200, { ok: true });
  }
  return sendJson(res, 404, { detail: "unknown control route" });
}
