import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** What the echo server answers to the next requests: a status and how to echo. */
export interface EchoPlan {
  status: number;
  /** Answer with text that is not JSON (the request echoed raw), to reach the JSON parse error. */
  raw?: boolean;
  /** Hold the answer this long (to reach timeouts). */
  delayMs?: number;
}

/**
 * A hostile relay on 127.0.0.1: every answer echoes the request's headers and body back, in the
 * body and in a response header, the way some relays' error pages do. Tests use it to prove the
 * key never comes back out of the client.
 */
export async function startEchoServer(): Promise<{
  url: string;
  plan: (plan: EchoPlan) => void;
  close: () => Promise<void>;
}> {
  let current: EchoPlan = { status: 400 };
  const server: Server = createServer(async (request, response) => {
    const body = await readBody(request);
    const token = String(request.headers.authorization ?? "").replace(/^Bearer /, "");
    // The forms a key takes when a relay passes it on: in a query string, in a Basic header.
    const forwarded = {
      query: `https://upstream.example/?key=${encodeURIComponent(token)}`,
      basic: `Basic ${Buffer.from(`relay:${token}`).toString("base64")}`,
      basicBare: Buffer.from(`u:${token}`).toString("base64"),
    };
    const echoed = {
      method: request.method,
      url: request.url,
      headers: request.headers,
      body,
      forwarded,
    };
    const send = () => {
      if (response.destroyed) return;
      const auth = String(request.headers.authorization ?? "");
      response.setHeader("x-echo-authorization", auth);
      response.setHeader("x-fal-request-id", `req-${auth}`);
      response.setHeader("x-upstream-authorization", forwarded.basic);
      if (current.raw) {
        response.writeHead(current.status, { "content-type": "application/json" });
        response.end(`echo: ${JSON.stringify(echoed)} authorization=${auth}`);
        return;
      }
      response.writeHead(current.status, `Echo ${auth}`, { "content-type": "application/json" });
      response.end(
        JSON.stringify({
          detail: `rejected request with headers ${JSON.stringify(request.headers)}`,
          error: { message: `auth was ${auth}` },
          echoed,
        }),
      );
    };
    if (current.delayMs) setTimeout(send, current.delayMs);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    plan: (plan) => (current = plan),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}
