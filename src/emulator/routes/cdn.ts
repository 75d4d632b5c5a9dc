import type { IncomingMessage, ServerResponse } from "node:http";
import { applyFault } from "../apply-fault.js";
import { sendJson } from "../http-util.js";
import type { EmulatorState } from "../state.js";

/** The image host: a second origin that refuses any request carrying an Authorization header. */
export function handleCdn(state: EmulatorState, req: IncomingMessage, res: ServerResponse): void {
  if (req.headers.authorization !== undefined) {
    state.stats.cdnRequestsWithAuthorization++;
    return sendJson(res, 403, { detail: "This host does not accept Authorization headers" });
  }
  const fault = state.faults.take("cdn");
  if (fault) return applyFault(req, res, fault, state.timers);
  const name = /^\/files\/([^/]+)$/.exec(
    new URL(req.url ?? "/", "http://cdn.invalid").pathname,
  )?.[1];
  const image = name ? state.images.bytes(name) : undefined;
  if (!image) return sendJson(res, 404, { detail: "No such file" });
  state.stats.cdnDownloads++;
  res.writeHead(200, { "content-type": image.contentType, "content-length": image.bytes.length });
  res.end(image.bytes);
}
