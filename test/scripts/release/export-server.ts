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
  requests: { method: string; url: string; headers: IncomingHttpHeaders; body: string }[];
  answer(answer: ExportAnswer): void;
  close(): Promise<void>;
}

/**
 * A loopback server playing an export endpoint, such as apifox's open API
 * (`POST /v1/projects/{id}/export-openapi`, a Bearer token, `X-Apifox-Api-Version`): it checks
 * the token when one is required, answers 401 otherwise, and records every request.
 */
export async function startExportServer(token?: string): Promise<ExportServer> {
  let current: ExportAnswer = { status: 404, body: "no export planned" };
  const requests: ExportServer["requests"] = [];
  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    requests.push({
      method: request.method ?? "",
      url: request.url ?? "",
      headers: request.headers,
      body,
    });
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
