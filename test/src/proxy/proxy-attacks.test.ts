import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Contract } from "../../../src/internal/contract.js";
import { ConfigurationError } from "../../../src/index.js";
import { createProxy, toNodeHandler, type ProxyOptions } from "../../../src/proxy/index.js";
import { seedContract } from "../../helpers/seed.js";
import { rawRequest } from "./raw-http.js";
import { startRecordingRelay } from "./recording-relay.js";

const KEY = "sk-live-Proxy0123456789abcdef";
const CAP = 1024 * 1024;
const CHUNK = 64 * 1024;
const SUBMIT = "/api/chainhub/fal-ai/flux-pro/kontext/max";
const STATUS = "/api/chainhub/fal-ai/flux-pro/requests/req-1/status";

/** The seed's Kontext [max] with one declared header and one declared query parameter. */
const declaring = (() => {
  const table = seedContract.operationTable as Record<string, Contract["operationTable"][string]>;
  const submit = table.falAiFluxProKontextMax!;
  return {
    ...seedContract,
    operationTable: {
      ...table,
      falAiFluxProKontextMax: {
        ...submit,
        parameters: [
          { name: "X-Fal-Request-Timeout", in: "header", required: false },
          { name: "hint", in: "query", required: false },
        ],
      },
    },
  } as unknown as Contract;
})();

/** A request head on a raw connection; `Connection: close` so the answer ends the exchange. */
const head = (requestLine: string, headers: Record<string, string | number> = {}) =>
  [
    requestLine,
    ...Object.entries({ host: "proxy.test", connection: "close", ...headers }).map(
      ([name, value]) => `${name}: ${value}`,
    ),
    "",
    "",
  ].join("\r\n");

/** An upload that would go on for `total` bytes, reusing one buffer (the sender holds nothing). */
function* upload(total: number, frame: (chunk: Uint8Array) => Uint8Array[] = (c) => [c]) {
  const chunk = new Uint8Array(CHUNK).fill(0x61);
  for (let sent = 0; sent < total; sent += CHUNK) yield* frame(chunk);
}
const chunked = (chunk: Uint8Array) => [
  new TextEncoder().encode(`${chunk.byteLength.toString(16)}\r\n`),
  chunk,
  new TextEncoder().encode("\r\n"),
];

describe("createProxy under attack: the relay sees nothing it should not", () => {
  let relay: Awaited<ReturnType<typeof startRecordingRelay>>;
  let server: Server;
  let proxyUrl: string;
  const proxyWith = (extra: Partial<ProxyOptions> = {}) =>
    createProxy({
      contract: declaring,
      allow: ["falAiFluxProKontextMax"],
      apiKey: KEY,
      baseUrl: relay.url,
      prefix: "/api/chainhub",
      maxBodyBytes: CAP,
      ...extra,
    });
  const handle = (path: string, init: RequestInit = {}, extra?: Partial<ProxyOptions>) =>
    proxyWith(extra)(new Request(`http://app.test${path}`, init));

  beforeAll(async () => {
    relay = await startRecordingRelay();
    server = createServer(toNodeHandler(proxyWith()));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    proxyUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    server.close();
    await relay.close();
  });

  it("refuses a Content-Length over the cap before reading a byte of the body", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull: (controller) => {
        pulled += CHUNK;
        controller.enqueue(new Uint8Array(CHUNK));
      },
    });
    const response = await handle(SUBMIT, {
      method: "POST",
      body,
      duplex: "half",
      headers: { "content-length": String(300 * CAP) },
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(CHUNK); // a stream may pre-fill one chunk; we read none

    // Over Node: 300 MiB announced, and the answer comes before the sender gets far.
    const answer = await rawRequest(
      proxyUrl,
      head(`POST ${SUBMIT} HTTP/1.1`, { "content-length": 300 * CAP }),
      upload(300 * CAP),
    );
    expect(answer.statusLine).toBe("HTTP/1.1 413 Payload Too Large");
    expect(answer.sent).toBeLessThan(48 * CAP); // socket buffers; reading it all would be 300
    expect(relay.received).toHaveLength(0);
  });

  it("stops reading a body that streams past the cap, holding at most the cap plus a chunk", async () => {
    let pulled = 0;
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>(
      {
        pull: (controller) => {
          pulled += CHUNK;
          controller.enqueue(new Uint8Array(CHUNK));
        },
        cancel: () => void (cancelled = true),
      },
      { highWaterMark: 0 },
    );
    const response = await handle(SUBMIT, { method: "POST", body, duplex: "half" } as RequestInit);
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(CAP + CHUNK);
    expect(cancelled).toBe(true);

    // Over Node, chunked with no length: the proxy stops reading, so the sender stops too.
    const before = process.memoryUsage().rss;
    const answer = await rawRequest(
      proxyUrl,
      head(`POST ${SUBMIT} HTTP/1.1`, { "transfer-encoding": "chunked" }),
      upload(256 * CAP, chunked),
    );
    expect(answer.statusLine).toBe("HTTP/1.1 413 Payload Too Large");
    expect(answer.sent).toBeLessThan(48 * CAP);
    // Generous: buffering the upload would add 256 MiB.
    expect(process.memoryUsage().rss - before).toBeLessThan(96 * CAP);
    expect(relay.received).toHaveLength(0);
  });

  it.each([
    ["longer", 4, 8],
    ["shorter", 8, 4],
  ])("refuses a body %s than its Content-Length says", async (_how, declared, actual) => {
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        controller.enqueue(new Uint8Array(actual));
        controller.close();
      },
    });
    const response = await handle(SUBMIT, {
      method: "POST",
      body,
      duplex: "half",
      headers: { "content-length": String(declared) },
    } as RequestInit);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ detail: "malformed Content-Length" });
    expect(relay.received).toHaveLength(0);
  });

  it("passes a body just under the cap on whole, chunked or with a length", async () => {
    relay.reply(() => ({ status: 200, body: "{}" }));
    const size = CAP - CHUNK;
    const chunkedAnswer = await rawRequest(
      proxyUrl,
      head(`POST ${SUBMIT} HTTP/1.1`, { "transfer-encoding": "chunked" }),
      [...upload(size, chunked), new TextEncoder().encode("0\r\n\r\n")],
    );
    const lengthAnswer = await rawRequest(
      proxyUrl,
      head(`POST ${SUBMIT} HTTP/1.1`, { "content-length": size }),
      upload(size),
    );
    expect([chunkedAnswer.statusLine, lengthAnswer.statusLine]).toEqual([
      "HTTP/1.1 200 OK",
      "HTTP/1.1 200 OK",
    ]);
    expect(relay.received.map((r) => r.bodyBytes)).toEqual([size, size]);
    relay.received.length = 0;
  });

  it("answers a handler that throws with a one-line 500", async () => {
    const failing = createServer(toNodeHandler(() => Promise.reject(new Error(`bug with ${KEY}`))));
    await new Promise<void>((resolve) => failing.listen(0, "127.0.0.1", resolve));
    const answer = await rawRequest(
      `http://127.0.0.1:${(failing.address() as AddressInfo).port}`,
      head(`GET ${STATUS} HTTP/1.1`),
    );
    failing.close();
    expect(answer.statusLine).toBe("HTTP/1.1 500 Internal Server Error");
    expect(answer.text).toMatch(/\r\n\r\n\{"detail":"the proxy failed"\}$/);
    expect(answer.text).not.toContain(KEY);
  });

  it("answers with the standard reason phrase, never the relay's", async () => {
    relay.reply(() => ({ status: 401, reason: `Unauthorized: ${KEY}`, body: "{}" }));
    const response = await handle(STATUS);
    expect(response.status).toBe(401);
    expect(response.statusText).toBe("Unauthorized");
    const answer = await rawRequest(proxyUrl, head(`GET ${STATUS} HTTP/1.1`));
    expect(answer.statusLine).toBe("HTTP/1.1 401 Unauthorized");
    expect(answer.text).not.toContain(KEY);
    expect(relay.received.map((r) => r.url)).toEqual([
      "/fal-ai/flux-pro/requests/req-1/status",
      "/fal-ai/flux-pro/requests/req-1/status",
    ]);
    relay.received.length = 0;
  });

  it("passes on a bodiless answer, and a relay that breaks off mid-answer is a 502", async () => {
    relay.reply(() => ({ status: 204 }));
    const empty = await handle(STATUS);
    expect([empty.status, await empty.text()]).toEqual([204, ""]);
    relay.reply(() => ({
      status: 200,
      headers: { "content-length": "100" },
      body: '{"partial":',
      breakOff: true,
    }));
    const broken = await handle(STATUS);
    expect(broken.status).toBe(502);
    relay.received.length = 0;
  });

  it("passes back an answer up to maxResponseBytes, and refuses a larger one with a 502 that says the relay keeps it", async () => {
    const result = JSON.stringify({
      images: [{ url: `data:image/png;base64,${"A".repeat(4000)}` }],
    });
    const limit = { maxResponseBytes: result.length };
    relay.reply(() => ({
      status: 200,
      headers: { "content-type": "application/json" },
      body: result,
    }));
    const fits = await handle(STATUS, {}, limit);
    expect([fits.status, await fits.text()]).toEqual([200, result]);
    const lengths: Record<string, string>[] = [{}, { "content-length": String(result.length + 1) }];
    for (const headers of lengths) {
      relay.reply(() => ({ status: 200, headers, body: result + " " }));
      const over = await handle(STATUS, {}, limit);
      expect(over.status).toBe(502);
      expect(await over.json()).toEqual({
        detail: `the relay's answer is larger than this proxy's maxResponseBytes (${result.length}); the relay keeps it: ask again once the cap is raised`,
      });
    }
    relay.received.length = 0;
  });

  it("passes an answer on byte for byte, binary or text, with the key redacted in it", async () => {
    // A PNG's head (bytes that are not UTF-8), the key in it as a relay's debug trailer might put it.
    const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xd8, 0x00, 0x80, 0xc3];
    const binary = Uint8Array.from([...png, ...new TextEncoder().encode(` key=${KEY};`), 0xfe]);
    const redacted = Uint8Array.from([
      ...png,
      ...new TextEncoder().encode(" key=[REDACTED];"),
      0xfe,
    ]);
    // UTF-8 text with a byte-order mark, which a default decoder drops.
    const text = new TextEncoder().encode('\ufeff{"caption":"café ✓"}');
    const cases: [Record<string, string>, Uint8Array, Uint8Array][] = [
      [{ "content-type": "image/png" }, Uint8Array.from(png), Uint8Array.from(png)],
      [{ "content-type": "application/octet-stream" }, binary, redacted],
      [{ "content-type": "application/json" }, text, text],
    ];
    for (const [headers, sent, passed] of cases) {
      relay.reply(() => ({ status: 200, headers, body: sent }));
      // As a Request -> Response handler, and through toNodeHandler on a socket.
      for (const response of [await handle(STATUS), await fetch(`${proxyUrl}${STATUS}`)]) {
        expect(new Uint8Array(await response.arrayBuffer())).toEqual(passed);
        expect(response.headers.get("content-type")).toBe(headers["content-type"]);
      }
    }
    // An answer without a type is passed on without one: not labelled text it may not be.
    relay.reply(() => ({ status: 200, body: Uint8Array.from(png) }));
    expect((await handle(STATUS)).headers.has("content-type")).toBe(false);
    relay.received.length = 0;
  });

  it("sends to the configured base and the checked path, never to what Host says", async () => {
    relay.reply(() => ({ status: 200, body: "{}" }));
    const answer = await rawRequest(
      proxyUrl,
      head(`POST ${SUBMIT} HTTP/1.1`, {
        host: "x/api/chainhub/fal-ai/flux-pro/requests/req-1/cancel#",
        "content-type": "application/json",
        "content-length": 2,
      }) + "{}",
    );
    expect(answer.statusLine).toBe("HTTP/1.1 200 OK");
    expect(relay.received.map((r) => [r.method, r.url, r.headers.host])).toEqual([
      ["POST", "/fal-ai/flux-pro/kontext/max", new URL(relay.url).host],
    ]);
    // A fetch-style host that built its URL from such a Host gets a 400, not another route.
    const forged = await handle(`/api/chainhub/fal-ai/flux-pro/requests/req-1/cancel#${SUBMIT}`);
    expect(forged.status).toBe(400);
    expect(relay.received).toHaveLength(1);
    relay.received.length = 0;
  });

  it.each([
    ["an absolute-form target", `GET http://evil.example${STATUS} HTTP/1.1`],
    [
      "an absolute-form target naming the relay",
      `GET http://127.0.0.1/fal-ai/flux-pro/requests/a/status HTTP/1.1`,
    ],
    ["an asterisk-form target", "OPTIONS * HTTP/1.1"],
    ["a scheme-relative target", `GET //evil.example${STATUS} HTTP/1.1`],
    [
      "a target with a broken escape",
      "GET /api/chainhub/fal-ai/flux-pro/requests/%zz/status HTTP/1.1",
    ],
    [
      "a target with encoded dot segments",
      "GET /api/chainhub/fal-ai/flux-pro/requests/%2e%2E/status HTTP/1.1",
    ],
    [
      "a target with an encoded slash",
      "GET /api/chainhub/fal-ai/flux-pro/requests/a%2Fb/status HTTP/1.1",
    ],
    ["a target with a quote", 'GET /api/chainhub/fal-ai/flux-pro/requests/a"b/status HTTP/1.1'],
  ])("refuses %s with a one-line 400 and sends nothing on", async (_kind, requestLine) => {
    const answer = await rawRequest(proxyUrl, head(requestLine));
    expect(answer.statusLine).toBe("HTTP/1.1 400 Bad Request");
    const body = answer.text.slice(answer.text.indexOf("\r\n\r\n") + 4);
    expect(body).toMatch(/^\{"detail":"[^"\n]+"\}$/);
    expect(relay.received).toHaveLength(0);
  });

  it("forwards only the query parameters the spec declares, and those forward names", async () => {
    relay.reply(() => ({ status: 200, body: "{}" }));
    const post = { method: "POST", body: "{}", headers: { "content-type": "application/json" } };
    const webhook = await handle(`${SUBMIT}?fal_webhook=http://attacker.example/hook`, post);
    expect(webhook.status).toBe(400);
    expect(await webhook.json()).toEqual({
      detail: 'query parameter "fal_webhook" is not forwarded by this proxy',
    });
    expect((await handle(`${STATUS}?logs=1&x=2`)).status).toBe(400);
    expect(relay.received).toHaveLength(0);

    expect((await handle(`${SUBMIT}?hint=a%20b`, post)).status).toBe(200);
    expect((await handle(`${STATUS}?logs=1`)).status).toBe(200);
    const hook = "http://127.0.0.1:9/hook?x=1&y=2";
    const named = { forward: { query: ["fal_webhook"] } };
    await handle(`${SUBMIT}?fal_webhook=${encodeURIComponent(hook)}`, post, named);
    expect(relay.received.map((r) => r.url)).toEqual([
      "/fal-ai/flux-pro/kontext/max?hint=a+b",
      "/fal-ai/flux-pro/requests/req-1/status?logs=1",
      `/fal-ai/flux-pro/kontext/max?fal_webhook=${encodeURIComponent(hook)}`,
    ]);
    relay.received.length = 0;
  });

  it("forwards only the headers the spec declares, and those forward names, with its own key", async () => {
    relay.reply(() => ({ status: 200, body: "{}" }));
    const browserHeaders = {
      "content-type": "application/json",
      "x-fal-request-timeout": "30",
      "x-fal-queue-priority": "low",
      "x-fal-target-url": "http://evil.example/",
      "x-fal-runner-hint": "evil",
      "x-forwarded-host": "evil.example",
      authorization: "Bearer browser-token",
      cookie: "session=browser",
      origin: "http://app.test",
    };
    await handle(SUBMIT, { method: "POST", body: "{}", headers: browserHeaders });
    await handle(
      SUBMIT,
      { method: "POST", body: "{}", headers: browserHeaders },
      { forward: { headers: ["X-Fal-Queue-Priority"] } },
    );
    const [plain, named] = relay.received.map((r) => r.headers);
    const ours = ["authorization", "content-type", "x-fal-request-timeout"];
    expect(
      Object.keys(plain!)
        .filter((name) => !isFraming(name))
        .sort(),
    ).toEqual(ours);
    expect(plain!.authorization).toBe(`Bearer ${KEY}`);
    expect(plain!["x-fal-request-timeout"]).toBe("30");
    expect(
      Object.keys(named!)
        .filter((name) => !isFraming(name))
        .sort(),
    ).toEqual([...ours, "x-fal-queue-priority"].sort());
    relay.received.length = 0;
    expect(() => proxyWith({ forward: { headers: ["Authorization"] } })).toThrow(
      ConfigurationError,
    );
    expect(() => proxyWith({ forward: { headers: ["host"] } })).toThrow(/may not name "host"/);
  });

  it("keeps the key out of what the relay sends back, however it is spelled", async () => {
    const spellings = [
      KEY,
      KEY.toUpperCase(),
      Buffer.from(KEY).toString("hex"),
      [...KEY].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).join(""),
      [...KEY].map((c) => `\\u00${c.charCodeAt(0).toString(16)}`).join(""),
      Buffer.from(`relay:${KEY}`).toString("base64"),
    ];
    relay.reply(() => ({
      status: 422,
      headers: {
        "content-type": "application/json",
        "x-fal-request-id": spellings[1]!,
        "x-fal-debug": spellings[3]!,
        "x-upstream-key": KEY,
      },
      body: JSON.stringify({ detail: spellings.join(" | ") }).replace(/\\\\u/g, "\\u"),
    }));
    const response = await handle(STATUS);
    const text = await response.text();
    const headers = JSON.stringify([
      ...(response.headers as unknown as Iterable<[string, string]>),
    ]);
    for (const spelling of spellings) expect(text + headers).not.toContain(spelling);
    expect(text).toContain("[REDACTED]");
    expect(response.headers.get("x-fal-request-id")).toBe("[REDACTED]");
    expect(response.headers.has("x-upstream-key")).toBe(false);
    relay.received.length = 0;
  });
});

/** Headers every HTTP client adds on its own; not the proxy's choice. */
function isFraming(name: string): boolean {
  return [
    "host",
    "connection",
    "content-length",
    "transfer-encoding",
    "accept",
    "accept-encoding",
    "accept-language",
    "sec-fetch-mode",
    "user-agent",
  ].includes(name);
}
