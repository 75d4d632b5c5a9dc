import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** What the vendor's export endpoint answers: a body, or a redirect, or never a response. */
export interface ExportAnswer {
  status?: number;
  body?: Buffer | string;
  location?: string;
  /** Send the headers, then hold the body until the server closes: a stalled download. */
  stall?: boolean;
}

export interface ExportServer {
  url: string;
  /** Every request received, with its headers, in order. */
  requests: { url: string; headers: IncomingHttpHeaders }[];
  answer(answer: ExportAnswer): void;
  close(): Promise<void>;
}

/**
 * A loopback server playing an export endpoint (an apifox-style "export OpenAPI" URL): it checks
 * the Bearer token when one is required, answers 401 otherwise, and records what it was sent.
 */
export async function startExportServer(token?: string): Promise<ExportServer> {
  let current: ExportAnswer = { status: 404, body: "no export planned" };
  const requests: ExportServer["requests"] = [];
  const server: Server = createServer((request, response) => {
    requests.push({ url: request.url ?? "", headers: request.headers });
    if (token !== undefined && request.headers.authorization !== `Bearer ${token}`) {
      response.writeHead(401, { "content-type": "application/json" });
      response.end('{"message":"invalid token"}');
      return;
    }
    if (current.location) {
      response.writeHead(current.status ?? 302, { location: current.location });
      response.end();
      return;
    }
    response.writeHead(current.status ?? 200, { "content-type": "application/x-yaml" });
    if (current.stall) response.write("openapi: 3.0.1\n");
    else response.end(current.body ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answer: (answer) => {
      current = answer;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
