import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../../src/emulator/index.js";
import {
  ConfigurationError,
  createClient,
  NotFoundError,
  PermissionDeniedError,
} from "../../../src/index.js";
import { createProxy, toNodeHandler } from "../../../src/proxy/index.js";
import { startEchoServer } from "../../helpers/echo-server.js";
import { validInput } from "../../helpers/emulator.js";
import { seedContract, seedSpec } from "../../helpers/seed.js";

const KEY = "sk-server-side-0123456789";

async function serve(
  handler: Parameters<typeof createServer>[1],
): Promise<{ url: string; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe("createProxy: the browser calls the relay through your server, without the key", () => {
  let emulator: Emulator;
  let proxy: { url: string; server: Server };
  const seen: { authorization?: string; cookie?: string }[] = [];

  beforeAll(async () => {
    emulator = await startEmulator({
      spec: seedSpec,
      apiKey: KEY,
      timing: { queueMs: 10, runMs: 10 },
      imageScale: 0.05,
    });
    const handle = createProxy({
      contract: seedContract,
      allow: ["falAiFluxProKontextMax"],
      apiKey: KEY,
      baseUrl: emulator.url,
      prefix: "/api/chainhub",
    });
    proxy = await serve(
      toNodeHandler(async (request) => {
        seen.push({
          authorization: request.headers.get("authorization") ?? undefined,
          cookie: request.headers.get("cookie") ?? undefined,
        });
        return handle(request);
      }),
    );
  });
  afterAll(async () => {
    proxy.server.close();
    await emulator.close();
  });

  it("runs an allowed operation end to end: submit, status, result, with no key on the client", async () => {
    const browser = createClient({
      contract: seedContract,
      proxyUrl: `${proxy.url}/api/chainhub`,
      pollIntervalMs: 5,
    });
    const progress: string[] = [];
    const { data } = await browser.run("falAiFluxProKontextMax", validInput, {
      onProgress: (p) => progress.push(p.status),
    });
    expect(data.images).toHaveLength(1);
    expect(progress.at(-1)).toBe("COMPLETED");
    // The browser sent no key; the relay got the server's.
    expect(seen.every((s) => s.authorization === undefined)).toBe(true);
    expect(emulator.stats.requests.map((r) => r.route)).toContain("result");
  });

  it("refuses what is not on the allow-list, and malformed paths, before reaching the relay", async () => {
    const before = emulator.stats.requests.length;
    const other = await fetch(`${proxy.url}/api/chainhub/fal-ai/flux/dev`, {
      method: "POST",
      body: "{}",
    });
    expect(other.status).toBe(403);
    const wrongMethod = await fetch(`${proxy.url}/api/chainhub/fal-ai/flux-pro/kontext/max`);
    expect(wrongMethod.status).toBe(403);
    const control = await fetch(`${proxy.url}/api/chainhub/__emulator/faults`, { method: "POST" });
    expect(control.status).toBe(403);
    const sneaky = await fetch(
      `${proxy.url}/api/chainhub/fal-ai/flux-pro/requests/x%2F..%2Fy/status`,
    );
    expect(sneaky.status).toBe(400);
    const outside = await fetch(`${proxy.url}/elsewhere/fal-ai/flux-pro/kontext/max`, {
      method: "POST",
    });
    expect(outside.status).toBe(404);
    expect(emulator.stats.requests.length).toBe(before);
  });

  it("a refused call surfaces in the client as a typed error, and nothing is sent on", async () => {
    const before = emulator.stats.requests.length;
    const browser = createClient({
      contract: seedContract,
      proxyUrl: `${proxy.url}/not-the-proxy`,
      maxRetries: 0,
    });
    const error = await browser.run("falAiFluxProKontextMax", validInput).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(emulator.stats.requests.length).toBe(before);
  });

  it("does not forward the browser's own credentials", async () => {
    seen.length = 0;
    await fetch(`${proxy.url}/api/chainhub/fal-ai/flux-pro/kontext/max`, {
      method: "POST",
      headers: {
        authorization: "Bearer stolen",
        cookie: "session=1",
        "content-type": "application/json",
      },
      body: JSON.stringify(validInput),
    });
    // The relay accepted it with the server's key, not the browser's.
    expect(emulator.stats.submits.falAiFluxProKontextMax).toBeGreaterThan(1);
  });

  it("keeps a key out of what a relay echoes back to the browser", async () => {
    const echo = await startEchoServer();
    echo.plan({ status: 403 });
    const handle = createProxy({
      contract: seedContract,
      allow: ["falAiFluxProKontextMax"],
      apiKey: KEY,
      baseUrl: echo.url,
    });
    const response = await handle(
      new Request("http://app.test/fal-ai/flux-pro/kontext/max", {
        method: "POST",
        body: JSON.stringify(validInput),
        headers: {
          "content-type": "application/json",
          cookie: "session=browser-secret",
          authorization: "Bearer browser-token-123",
        },
      }),
    );
    const text = await response.text();
    // What reached the relay (echoed): the server's key (redacted here), no browser credentials.
    expect(text).not.toContain("browser-secret");
    expect(text).not.toContain("browser-token-123");
    const headers = JSON.stringify([
      ...(response.headers as unknown as Iterable<[string, string]>),
    ]);
    expect(response.status).toBe(403);
    expect(text).toContain("[REDACTED]");
    expect(text + headers).not.toContain(KEY);
    expect(headers).not.toMatch(/x-echo-authorization/);
    await echo.close();
    // Through the client, it is a typed error as usual.
    const browser = createClient({
      contract: seedContract,
      proxyUrl: "http://app.test",
      fetch: (input, init) => handle(new Request(input, init)),
    });
    expect(
      await browser
        .request("falAiFluxProKontextMax", { body: validInput })
        .catch((e: unknown) => e),
    ).toBeInstanceOf(Error);
  });

  it("needs an explicit allow-list, and a client takes a proxy or a key, not both", () => {
    expect(() => createProxy({ allow: [], apiKey: KEY, baseUrl: emulator.url })).toThrow(/allow/);
    expect(() =>
      createProxy({
        contract: seedContract,
        allow: ["noSuchModel"],
        apiKey: KEY,
        baseUrl: emulator.url,
      }),
    ).toThrow(/unknown operation "noSuchModel"/);
    expect(() => createClient({ proxyUrl: "/api", apiKey: KEY })).toThrow(ConfigurationError);
  });

  it("says each setup mistake as a ConfigurationError about createProxy", () => {
    const setUp = (options: Partial<Parameters<typeof createProxy>[0]>) => () =>
      createProxy({ contract: seedContract, allow: ["falAiFluxProKontextMax"], ...options });
    const mistakes: [Partial<Parameters<typeof createProxy>[0]>, RegExp][] = [
      [{ allow: ["noSuchModel"], apiKey: KEY }, /unknown operation "noSuchModel"/],
      // No key anywhere: the message points at createProxy, not at the browser's createClient.
      [{}, /^no API key: pass \{ apiKey \} to createProxy or set CHAINHUB_API_KEY$/],
      // A prefix that no request path can start with: every call would be a silent 404.
      [{ apiKey: KEY, prefix: "api/chainhub" }, /prefix must be a path starting with "\/"/],
      [{ apiKey: KEY, prefix: "https://app.test/api" }, /prefix must be a path/],
    ];
    const saved = process.env.CHAINHUB_API_KEY;
    delete process.env.CHAINHUB_API_KEY;
    try {
      for (const [options, message] of mistakes) {
        expect(setUp(options)).toThrow(ConfigurationError);
        expect(setUp(options)).toThrow(message);
      }
    } finally {
      if (saved !== undefined) process.env.CHAINHUB_API_KEY = saved;
    }
    expect(setUp({ apiKey: KEY, prefix: "/api/chainhub/" })).not.toThrow();
  });
});
