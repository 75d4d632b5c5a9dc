import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AbortedError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  createClient,
  InternalServerError,
  NotFoundError,
  PaymentRequiredError,
  PermissionDeniedError,
  RateLimitError,
  TimeoutError,
  UnprocessableEntityError,
  ValidationError,
  type ClientOptions,
} from "../../src/index.js";
import { startEchoServer } from "../helpers/echo-server.js";
import { validInput } from "../helpers/emulator.js";
import { cliEnv, runCli } from "../helpers/run-cli.js";
import { repoRoot } from "../helpers/run-generate.js";
import { seedContract } from "../helpers/seed.js";

/** Characters that URL-encoding and base64 both change, so every form differs from the raw key. */
const KEY = "sk-live/Abc+def=ghi:0123456789xyz";
const FORMS = {
  raw: KEY,
  urlEncoded: encodeURIComponent(KEY),
  base64: Buffer.from(KEY).toString("base64").slice(0, 40),
  basic: Buffer.from(`relay:${KEY}`).toString("base64"),
  basicBare: Buffer.from(`u:${KEY}`).toString("base64"),
};

/** Every way an error can be turned into text by a caller or a logging library. */
function renderings(error: unknown): Record<string, string> {
  const e = error as Error & { body?: unknown; headers?: Headers };
  return {
    message: e.message,
    stack: String(e.stack),
    json: JSON.stringify(e),
    inspect: inspect(e, { depth: null }),
    string: String(e),
    body: JSON.stringify(e.body ?? null),
    headers: JSON.stringify(
      e.headers ? Object.fromEntries(e.headers as unknown as Iterable<[string, string]>) : null,
    ),
    causes: inspect(e.cause, { depth: null }),
  };
}

function expectNoKey(text: string, where: string): void {
  for (const [form, needle] of Object.entries(FORMS))
    expect(text.includes(needle), `${where} holds the key (${form})`).toBe(false);
  expect(text, where).not.toMatch(/bearer\s+sk-/i);
}

describe("the API key never comes back out of the client", () => {
  let server: Awaited<ReturnType<typeof startEchoServer>>;
  beforeAll(async () => {
    server = await startEchoServer();
  });
  afterAll(() => server.close());

  const client = (extra: Omit<ClientOptions, "contract"> = {}) =>
    createClient({
      contract: seedContract,
      apiKey: KEY,
      baseUrl: server.url,
      maxRetries: 0,
      pollIntervalMs: 5,
      retry: { initialDelayMs: 1 },
      ...extra,
    });

  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [402, PaymentRequiredError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [418, ApiError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [503, InternalServerError],
  ])("a %i that echoes the request is a %o without the key", async (status, Class) => {
    server.plan({ status });
    const error = await client()
      .run("falAiFluxProKontextMax", validInput)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Class);
    // Still useful: the echoed detail is there, only the secret is gone.
    expect((error as ApiError).message).toContain("rejected request with headers");
    expect(JSON.stringify((error as ApiError).body)).toContain("[REDACTED]");
    for (const [where, text] of Object.entries(renderings(error))) expectNoKey(text, where);
  });

  it("a relay that spells the key in hex, escapes or another case still leaks none of it", async () => {
    const hex = (c: string) => c.charCodeAt(0).toString(16).padStart(2, "0");
    const spellings = [
      Buffer.from(KEY).toString("hex").toUpperCase(),
      [...KEY].map((c) => `%${hex(c)}`).join(""),
      [...KEY].map((c) => `\\u00${hex(c)}`).join(""),
      KEY.toUpperCase(),
    ];
    // A relay's own error page, as text: its reason phrase and body quote what it was sent.
    const relay = () =>
      new Response(`{"detail":"bad key ${spellings.join(" or ")}"}`, {
        status: 401,
        statusText: `Unauthorized ${spellings[3]}`,
        headers: { "content-type": "application/json", "x-fal-debug": spellings[1]! },
      });
    const error = await client({ baseUrl: "http://relay.test", fetch: async () => relay() })
      .request("falAiFluxProKontextMax", { body: validInput })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    for (const [where, text] of Object.entries(renderings(error)))
      for (const spelling of spellings)
        expect(text.toLowerCase().includes(spelling.toLowerCase()), where).toBe(false);
    expect((error as ApiError).message).toContain("[REDACTED]");
  });

  it("a plain request() of any operation redacts its errors too", async () => {
    server.plan({ status: 403 });
    const error = await client()
      .request("falAiFluxProKontextMax", { body: validInput })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    for (const [where, text] of Object.entries(renderings(error))) expectNoKey(text, where);
  });

  it("an error body that is not JSON leaves as text without the key", async () => {
    server.plan({ status: 500, raw: true });
    const error = await client()
      .run("falAiFluxProKontextMax", validInput)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    for (const [where, text] of Object.entries(renderings(error))) expectNoKey(text, where);
  });

  it("a 200 whose body is not JSON is a ConnectionError whose cause does not quote the key", async () => {
    server.plan({ status: 200, raw: true });
    const error = await client()
      .run("falAiFluxProKontextMax", validInput)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
    for (const [where, text] of Object.entries(renderings(error))) expectNoKey(text, where);
  });

  it("timeouts and aborts carry no key in their cause chains", async () => {
    server.plan({ status: 200, delayMs: 400 });
    const timeout = await client({ timeoutMs: 30 })
      .run("falAiFluxProKontextMax", validInput)
      .catch((e: unknown) => e);
    expect(timeout).toBeInstanceOf(TimeoutError);
    for (const [where, text] of Object.entries(renderings(timeout))) expectNoKey(text, where);
    const aborted = await client()
      .run("falAiFluxProKontextMax", validInput, { signal: AbortSignal.timeout(20) })
      .catch((e: unknown) => e);
    expect(aborted).toBeInstanceOf(AbortedError);
    for (const [where, text] of Object.entries(renderings(aborted))) expectNoKey(text, where);
  });

  it("a validation error quoting a refused value that holds the key is redacted", async () => {
    const error = await client()
      .queue.submit("falAiFluxProKontextMax", { ...validInput, aspect_ratio: KEY as never })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    for (const [where, text] of Object.entries(renderings(error))) expectNoKey(text, where);
  });

  it("a user middleware's error that quotes the request's headers is redacted", async () => {
    server.plan({ status: 200 });
    const error = await client({
      middleware: [
        {
          onResponse({ request }) {
            throw new Error(`audit failed: ${request.headers.get("authorization")}`);
          },
        },
      ],
    })
      .run("falAiFluxProKontextMax", validInput)
      .catch((e: unknown) => e);
    for (const [where, text] of Object.entries(renderings(error))) expectNoKey(text, where);
  });

  it("log lines and retry events carry no key", async () => {
    server.plan({ status: 503 });
    const lines: string[] = [];
    await client({
      maxRetries: 2,
      logger: { debug: (line) => lines.push(line) },
      onRetry: (event) => lines.push(JSON.stringify(event)),
    })
      .run("falAiFluxProKontextMax", validInput)
      .catch(() => undefined);
    expect(lines.length).toBeGreaterThan(2);
    expectNoKey(lines.join("\n"), "log lines");
  });

  it("the CLI prints the relay's error without the key", async () => {
    server.plan({ status: 422 });
    const result = await runCli(
      ["edit", "--image", validInput.image_url, "--prompt", "p", "--base-url", server.url],
      { cwd: repoRoot, env: cliEnv({ CHAINHUB_API_KEY: KEY }) },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("[REDACTED]");
    expectNoKey(result.stderr + result.stdout, "CLI output");
  });
});
