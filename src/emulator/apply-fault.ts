import type { IncomingMessage, ServerResponse } from "node:http";
import type { Fault } from "./faults.js";
import { sendJson } from "./http-util.js";

/** Answers (or fails to answer) a request the way the fault says. */
export function applyFault(
  req: IncomingMessage,
  res: ServerResponse,
  fault: Fault,
  timers: Set<NodeJS.Timeout>,
): void {
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
      req.socket.destroy();
      return;
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
      res.end(text);
      return;
    }
    case "truncated": {
      res.writeHead(200, { "content-type": "application/json", "content-length": 4096 });
      res.write('{"status": "COMPLETED", "images": [');
      setTimeout(() => req.socket.destroy(), 10);
      return;
    }
    default:
      return sendJson(res, 500, { detail: "unknown fault" });
  }
}
