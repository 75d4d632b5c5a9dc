import { describe, expect, it } from "vitest";
import type { Middleware } from "openapi-fetch";
import { AuthenticationError, ConnectionError, TimeoutError } from "../../../src/index.js";
import type { RetryEvent } from "../../../src/index.js";
import { useEmulator, validInput } from "../../helpers/emulator.js";

/**
 * Status, result and cancel skip openapi-fetch unless a user middleware or the logger is set.
 * Both ways out must give the same answers: each case runs once per way.
 */
describe.each([
  { way: "direct (no middleware)", extra: {} },
  {
    way: "through openapi-fetch (a user middleware)",
    extra: { middleware: [{ onRequest: () => undefined }] as Middleware[] },
  },
])("queue calls $way", ({ extra }) => {
  const env = useEmulator();

  it("retry status polls by the same rules and report each retry", async () => {
    env.emulator.inject({ kind: "503", route: "status", times: 2, retryAfter: 0 });
    const retries: RetryEvent[] = [];
    const client = env.client({ ...extra, onRetry: (event) => retries.push(event) });
    const handle = await client.queue.submit("falAiFluxProKontextMax", validInput);
    expect((await client.queue.status(handle)).status).toMatch(/IN_QUEUE|IN_PROGRESS|COMPLETED/);
    expect(retries.map((r) => [r.method, r.attempt, r.reason])).toEqual([
      ["GET", 1, "HTTP 503"],
      ["GET", 2, "HTTP 503"],
    ]);
    expect(retries[0]!.url).toBe(`${env.emulator.url}${handle.urls.status}`);
  });

  it("send the key to the API and turn its 401 into a redacted AuthenticationError", async () => {
    const client = env.client({ ...extra, apiKey: "sk-wrong-key-0123456789" });
    const handle = await env.client().queue.submit("falAiFluxProKontextMax", validInput);
    const error = await client.queue.status(handle).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).requestId).toBe(handle.requestId);
    expect(JSON.stringify(error) + String(error)).not.toContain("sk-wrong-key-0123456789");
    // The right key gets through.
    await expect(env.client(extra).queue.status(handle)).resolves.toHaveProperty("status");
  });

  it("give each attempt its own deadline", async () => {
    // The submit under the default deadline: on a loaded machine 100 ms may not be enough for it.
    const handle = await env.client(extra).queue.submit("falAiFluxProKontextMax", validInput);
    const client = env.client({ ...extra, timeoutMs: 300, maxRetries: 0 });
    env.emulator.inject({ kind: "stall", route: "status", stallMs: 10_000 });
    await expect(client.queue.status(handle)).rejects.toThrow(TimeoutError);
    // The next attempt is not held up by the one given up on.
    await expect(client.queue.status(handle)).resolves.toHaveProperty("status");
  });

  it("retry a result body cut short or garbled as a reset, and report one garbled on every attempt as a ConnectionError", async () => {
    const retries: RetryEvent[] = [];
    const client = env.client({ ...extra, onRetry: (event) => retries.push(event) });
    const handle = await client.queue.submit("falAiFluxProKontextMax", validInput);
    await client.wait(handle);
    env.emulator.inject({ kind: "truncated", route: "result" });
    env.emulator.inject({ kind: "malformed-json", route: "result" });
    expect((await client.queue.result(handle)).images).toHaveLength(1);
    expect(retries.map((r) => [r.method, r.attempt])).toEqual([
      ["GET", 1],
      ["GET", 2],
    ]);
    env.emulator.inject({ kind: "malformed-json", route: "result", times: 4 });
    const error = await client.queue.result(handle).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).message).toMatch(/not valid JSON/);
    expect(retries).toHaveLength(5);
  });

  it("read logs by query, and cancel a finished job as ALREADY_COMPLETED", async () => {
    const client = env.client(extra);
    const handle = await client.queue.submit("falAiFluxProKontextMax", validInput);
    await client.wait(handle);
    expect((await client.queue.status(handle, { logs: true })).logs?.length).toBeGreaterThan(0);
    expect(await client.queue.cancel(handle)).toBe("ALREADY_COMPLETED");
  });
});

describe("user middleware", () => {
  const env = useEmulator();

  it("sees every request, status polls included", async () => {
    const seen: string[] = [];
    const client = env.client({
      middleware: [
        {
          onRequest({ request }) {
            seen.push(`${request.method} ${new URL(request.url).pathname.split("/").pop()}`);
            return undefined;
          },
        },
      ],
    });
    const handle = await client.queue.submit("falAiFluxProKontextMax", validInput);
    await client.queue.status(handle);
    await client.wait(handle);
    expect(seen.slice(0, 2)).toEqual(["POST max", "GET status"]);
    expect(seen).toContain(`GET ${handle.requestId}`);
  });
});
