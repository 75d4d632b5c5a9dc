import type { IncomingMessage, ServerResponse } from "node:http";
import { refuse } from "./refuse.js";
import { parseOriginForm } from "./request-target.js";

/**
 * Adapts a WHATWG handler (such as {@link createProxy}'s) to Node's `http` and Express:
 * `http.createServer(toNodeHandler(proxy))` or `app.use("/api/chainhub", toNodeHandler(proxy))`.
 *
 * The body is handed over as a stream the handler pulls, one chunk at a time, so a handler that
 * caps it (the proxy does) stops reading the socket at its cap instead of after the whole upload.
 * The URL is built from the request target alone, never from `Host`; a target that is not
 * origin-form (`/path?query`) is a 400 before the handler runs.
 */
export function toNodeHandler(
  handler: (request: Request) => Promise<Response>,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void (async () => {
      // originalUrl: Express strips the mount path from req.url; the handler's prefix needs it.
      const raw = (req as { originalUrl?: string }).originalUrl ?? req.url ?? "/";
      const target = parseOriginForm(raw);
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      const response =
        "problem" in target
          ? refuse(400, target.problem)
          : hasBody && req.readableEnded && declaresBody(req)
            ? refuse(500, BODY_ALREADY_READ)
            : await handler(
                new Request(`http://${safeHost(req.headers.host)}${target.path}${target.search}`, {
                  method: req.method ?? "GET",
                  headers: headersOf(req),
                  ...(hasBody ? { body: pulledBody(req), duplex: "half" } : {}),
                } as RequestInit),
              );
      await send(req, res, response);
    })().catch(() => {
      if (!res.headersSent) void send(req, res, refuse(500, "the proxy failed"));
      else res.destroy();
    });
  };
}

/**
 * Express apps often mount a body parser (`express.json()`) for every route: it reads the body
 * to its end before the proxy runs, which then had nothing to forward and answered a misleading
 * "malformed Content-Length". The developer's mistake is named instead, before the relay is called.
 */
const BODY_ALREADY_READ =
  "the request body was read before the proxy (a body parser such as express.json() mounted ahead of it?): mount the proxy before any body parser";

/** How long a connection whose upload we refused may keep sending after our answer. */
const LINGER_MS = 2_000;

/**
 * A stream over the request that reads the socket only when the handler asks for more. Paused
 * mode (`read()` and "readable"), which every Node-compatible runtime implements, rather than
 * the newer `req.iterator()`.
 */
function pulledBody(req: IncomingMessage): ReadableStream<Uint8Array> {
  let stopWaiting = () => {};
  const nextEvent = () =>
    new Promise<void>((resolve, reject) => {
      const settle = (error?: unknown) => {
        stopWaiting();
        if (error) reject(error instanceof Error ? error : new Error(String(error)));
        else resolve();
      };
      const onEvent = () => settle();
      stopWaiting = () => {
        req.off("readable", onEvent).off("end", onEvent).off("error", settle);
        stopWaiting = () => {};
      };
      req.once("readable", onEvent).once("end", onEvent).once("error", settle);
    });
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        for (;;) {
          const chunk = req.read() as Buffer | null;
          if (chunk !== null) return controller.enqueue(new Uint8Array(chunk));
          if (req.readableEnded) return controller.close();
          await nextEvent();
        }
      },
      // Stop listening, but leave the socket open: the handler's answer still has to go out.
      cancel: () => stopWaiting(),
    },
    { highWaterMark: 0 },
  );
}

async function send(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  // A body we did not read to its end is not kept: after the answer the connection closes, and
  // what still arrives meanwhile is discarded as it comes (destroying the socket at once could
  // reset it before the client has read our answer).
  if (!req.complete) {
    res.setHeader("connection", "close");
    res.on("finish", () => {
      req.resume();
      req.socket.end();
      setTimeout(() => req.socket.destroy(), LINGER_MS).unref();
    });
  }
  res.end(body);
}

/** Whether the request said a body follows (an empty one read early loses nothing). */
function declaresBody(req: IncomingMessage): boolean {
  const length = req.headers["content-length"];
  return req.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
}

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) headers.set(name, value.join(", "));
  }
  return headers;
}

/** `Host` only as a plain host[:port]; anything else (paths, `#`, `@`) gives way to localhost. */
function safeHost(host: string | undefined): string {
  return host && /^(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/.test(host)
    ? host
    : "localhost";
}
