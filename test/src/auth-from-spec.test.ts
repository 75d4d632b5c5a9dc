import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { AuthenticationError, createClient } from "../../src/index.js";
import type { Contract } from "../../src/internal/contract.js";
import { createProxy } from "../../src/proxy/index.js";
import { FAST_TIMING, validInput } from "../helpers/emulator.js";
import { contract as falKeyContract } from "../fixtures/specs/auth/fal-key.generated/index.gen.js";
import { contract as xApiKeyContract } from "../fixtures/specs/auth/x-api-key.generated/index.gen.js";

const KEY = "sk-spec-auth-0123456789";

const documentOf = (name: string) =>
  JSON.parse(
    readFileSync(
      new URL(`../fixtures/specs/auth/${name}.generated/openapi.json`, import.meta.url),
      "utf8",
    ),
  ) as Record<string, unknown>;

/** The fetch a client is given: records the headers and URL of every request it sends. */
function recordingFetch(seen: { url: string; headers: Headers }[], inner: typeof fetch = fetch) {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    seen.push({ url: request.url, headers: request.headers });
    return inner(request);
  }) as typeof fetch;
}

describe.each([
  {
    name: "fal-key",
    contract: falKeyContract as Contract,
    header: "authorization",
    value: `Key ${KEY}`,
    operation: "falAiBytedanceSeedreamV4TextToImage",
    input: { prompt: "a fox in the snow" } as Record<string, unknown>,
  },
  {
    name: "x-api-key",
    contract: xApiKeyContract as Contract,
    header: "x-api-key",
    value: KEY,
    operation: "falAiFluxProKontextMax",
    input: validInput as Record<string, unknown>,
  },
])(
  "a $name spec: the key travels as its securitySchemes say",
  ({ name, contract, header, value, operation, input }) => {
    let emulator: Emulator;
    beforeAll(async () => {
      emulator = await startEmulator({
        apiKey: KEY,
        timing: FAST_TIMING,
        imageScale: 0.05,
        spec: { contract, document: documentOf(name) },
      });
    });
    afterAll(() => emulator.close());

    it("runs a queue job from the client, submit, polls and result each carrying the declared header", async () => {
      const seen: { url: string; headers: Headers }[] = [];
      const client = createClient({
        contract,
        apiKey: KEY,
        baseUrl: emulator.url,
        pollIntervalMs: 1,
        fetch: recordingFetch(seen),
      });
      const { data } = await client.run(operation, input);
      expect(Array.isArray((data as { images?: unknown }).images)).toBe(true);
      expect(seen.length).toBeGreaterThanOrEqual(3);
      for (const request of seen) {
        expect(request.headers.get(header)).toBe(value);
        if (header !== "authorization") expect(request.headers.get("authorization")).toBeNull();
      }
    });

    it("is refused by the emulator when the key comes as a Bearer token instead", async () => {
      // The same spec with its security declarations dropped: the client's default, Bearer.
      const { auth: _auth, ...bearerContract } = contract;
      const bearer = createClient({
        contract: {
          ...bearerContract,
          operationTable: Object.fromEntries(
            Object.entries(contract.operationTable).map(([id, { auth: _a, ...rest }]) => [
              id,
              rest,
            ]),
          ),
        },
        apiKey: KEY,
        baseUrl: emulator.url,
      });
      await expect(bearer.run(operation, input)).rejects.toBeInstanceOf(AuthenticationError);
      expect(emulator.stats.submits[operation] ?? 0).toBe(1);
    });

    it("runs through the proxy, which attaches the key the declared way and the browser never holds it", async () => {
      const upstream: { url: string; headers: Headers }[] = [];
      const proxy = createProxy({
        contract,
        allow: [operation],
        prefix: "/api",
        apiKey: KEY,
        baseUrl: emulator.url,
        fetch: recordingFetch(upstream),
      });
      const browserSent: { url: string; headers: Headers }[] = [];
      const client = createClient({
        contract,
        proxyUrl: "http://app.invalid/api",
        pollIntervalMs: 1,
        fetch: recordingFetch(browserSent, (input) => proxy(new Request(input as Request))),
      });
      await client.run(operation, input);
      expect(upstream.length).toBeGreaterThanOrEqual(3);
      for (const request of upstream) expect(request.headers.get(header)).toBe(value);
      for (const request of browserSent) {
        const values: string[] = [];
        request.headers.forEach((headerValue) => values.push(headerValue));
        expect(values.join(" ")).not.toContain(KEY);
        expect(request.url).not.toContain(KEY);
      }
    });

    it("sends the relay its own key, never one the browser put in the declared header", async () => {
      const upstream: { url: string; headers: Headers }[] = [];
      const proxy = createProxy({
        contract,
        allow: [operation],
        apiKey: KEY,
        baseUrl: emulator.url,
        fetch: recordingFetch(upstream),
      });
      const path = contract.operationTable[operation]!.path;
      const response = await proxy(
        new Request(`http://app.invalid${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", [header]: "forged-key-0000" },
          body: JSON.stringify(input),
        }),
      );
      expect(response.status).toBe(200);
      expect(upstream).toHaveLength(1);
      expect(upstream[0]!.headers.get(header)).toBe(value);
    });
  },
);

/** The X-API-Key spec with its scheme moved to a query parameter, as some relays take it. */
function withQueryKey(contract: Contract): Contract {
  const auth = { in: "query", name: "api_key" } as const;
  const operationTable = Object.fromEntries(
    Object.entries(contract.operationTable).map(([id, operation]) => [id, { ...operation, auth }]),
  );
  return { ...contract, operationTable, auth };
}

describe("a spec whose key goes in the query", () => {
  const contract = withQueryKey(xApiKeyContract as Contract);
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({
      apiKey: KEY,
      timing: FAST_TIMING,
      imageScale: 0.05,
      spec: { contract, document: documentOf("x-api-key") },
    });
  });
  afterAll(() => emulator.close());

  it("runs a job with ?api_key= on every call and no key header", async () => {
    const seen: { url: string; headers: Headers }[] = [];
    const client = createClient({
      contract,
      apiKey: KEY,
      baseUrl: emulator.url,
      pollIntervalMs: 1,
      fetch: recordingFetch(seen),
    });
    await client.run("falAiFluxProKontextMax", validInput);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    for (const request of seen) {
      expect(new URL(request.url).searchParams.get("api_key")).toBe(KEY);
      expect(request.headers.get("authorization")).toBeNull();
    }
  });

  it("sends it the same way through the middleware path (a logger set), and logs no key", async () => {
    const seen: { url: string; headers: Headers }[] = [];
    const lines: string[] = [];
    const client = createClient({
      contract,
      apiKey: KEY,
      baseUrl: emulator.url,
      pollIntervalMs: 1,
      fetch: recordingFetch(seen),
      logger: { debug: (line: string) => lines.push(line) },
    });
    await client.run("falAiFluxProKontextMax", validInput);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    for (const request of seen) expect(new URL(request.url).searchParams.get("api_key")).toBe(KEY);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join("\n")).not.toContain(KEY);
  });

  it("keeps the key out of an error whose body echoes the request URL", async () => {
    const echo = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      return new Response(JSON.stringify({ detail: `bad request ${request.url}` }), {
        status: 400,
        statusText: `Bad ${request.url}`,
        headers: { "content-type": "application/json" },
      });
    }) as typeof fetch;
    const client = createClient({ contract, apiKey: KEY, baseUrl: emulator.url, fetch: echo });
    const error = await client.run("falAiFluxProKontextMax", validInput).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const text =
      JSON.stringify(error, Object.getOwnPropertyNames(error)) + String((error as Error).stack);
    expect(text).toContain("api_key=");
    expect(text).not.toContain(KEY);
  });
});
