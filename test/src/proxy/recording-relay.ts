import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the relay received it. */
export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  bodyBytes: number;
}

/** What the relay answers: a status, a reason phrase, headers and a body. */
export interface Reply {
  status: number;
  reason?: string;
  headers?: Record<string, string>;
  /** Text (sent as UTF-8) or bytes, sent as they are. */
  body?: string | Uint8Array;
  /** Send the head and the body, then drop the connection before the answer is complete. */
  breakOff?: boolean;
}

/**
 * A relay on 127.0.0.1 that records every request it receives (method, raw target, headers,
 * body size) and answers with whatever reply the test set: the attack tests read `received` to
 * check what got through the proxy, and set `reply` to echo the key back in hostile spellings.
 */
export async function startRecordingRelay(): Promise<{
  url: string;
  received: Received[];
  reply: (next: (request: Received) => Reply) => void;
  close: () => Promise<void>;
}> {
  const received: Received[] = [];
  let answer: (request: Received) => Reply = () => ({
    status: 200,
    headers: { "content-type": "application/json" },
    body: "{}",
  });
  const server: Server = createServer(async (req, res) => {
    let bodyBytes = 0;
    for await (const chunk of req) bodyBytes += (chunk as Buffer).byteLength;
    const request = { method: req.method!, url: req.url!, headers: req.headers, bodyBytes };
    received.push(request);
    const reply = answer(request);
    res.writeHead(reply.status, reply.reason ?? "", reply.headers ?? {});
    if (reply.breakOff) res.write(reply.body ?? "", () => res.destroy());
    else res.end(reply.body ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    reply: (next) => (answer = next),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
