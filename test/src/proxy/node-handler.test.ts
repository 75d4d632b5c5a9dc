import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProxy, toNodeHandler } from "../../../src/proxy/index.js";
import { seedContract } from "../../helpers/seed.js";
import { startRecordingRelay } from "./recording-relay.js";

const SUBMIT = "/api/chainhub/fal-ai/flux-pro/kontext/max";
const CANCEL = "/api/chainhub/fal-ai/flux-pro/requests/req-1/cancel";

/** What `express.json()` does for every route it is mounted on: reads the body to its end first. */
async function bodyParser(req: IncomingMessage): Promise<void> {
  for await (const chunk of req) void chunk;
}

describe("toNodeHandler in an app whose body parser ran first", () => {
  let relay: Awaited<ReturnType<typeof startRecordingRelay>>;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    relay = await startRecordingRelay();
    const proxy = toNodeHandler(
      createProxy({
        contract: seedContract,
        allow: ["falAiFluxProKontextMax"],
        apiKey: "sk-live-NodeHandler0123456789",
        baseUrl: relay.url,
        prefix: "/api/chainhub",
      }),
    );
    server = createServer((req, res) => void bodyParser(req).then(() => proxy(req, res)));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    server.close();
    await relay.close();
  });

  it("names the body parser instead of blaming the browser's Content-Length, and sends nothing on", async () => {
    const response = await fetch(`${url}${SUBMIT}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ prompt: "p", image_url: "https://example.com/a.png" }),
    });
    expect(response.status).toBe(500);
    expect((await response.json()).detail).toMatch(
      /request body was read before the proxy .*express\.json\(\).*mount the proxy before any body parser/,
    );
    expect(relay.received).toEqual([]);
  });

  it("still forwards a request whose body was empty anyway", async () => {
    const response = await fetch(`${url}${CANCEL}`, { method: "PUT" });
    expect(response.status).toBe(200);
    expect(relay.received.map((r) => [r.method, r.url, r.bodyBytes])).toEqual([
      ["PUT", "/fal-ai/flux-pro/requests/req-1/cancel", 0],
    ]);
  });
});
