import { join } from "node:path";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import {
  ConfigurationError,
  ConnectionError,
  InternalError,
  type RetryEvent,
} from "../../../src/index.js";
import { repoRoot } from "../../helpers/run-generate.js";
import { submits, TEST_KEY, useEmulator, validInput } from "../../helpers/emulator.js";
import { seedContract } from "../../helpers/seed.js";
import { createStrictHost } from "../../helpers/strict-host.js";

/** What every browser's fetch rejects with when the network fails: no code, no cause. */
const failedToFetch = () => new TypeError("Failed to fetch");

/**
 * A failure is the network's only when the host's fetch (or reading its body) threw it; what
 * our own code, a middleware or a missing host API throws is an InternalError, never retried.
 */
describe("internal errors are not network errors", () => {
  const env = useEmulator();

  it("does not retry a TypeError thrown by code around the fetch, nor call it a connection failure", async () => {
    const retries: RetryEvent[] = [];
    let sent = 0;
    const client = env.client({
      onRetry: (event) => retries.push(event),
      fetch: (input, init) => {
        sent++;
        return fetch(input, init);
      },
      middleware: [
        {
          onResponse: ({ request }) => {
            if (request.method === "GET") throw new TypeError("x.y is not a function");
            return undefined;
          },
        },
      ],
    });
    const handle = await client.queue.submit("falAiFluxProKontextMax", validInput);
    const error = await client.queue.status(handle).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalError);
    expect(error).not.toBeInstanceOf(ConnectionError);
    expect((error as InternalError).message).toMatch(
      /not a network failure.*x\.y is not a function/,
    );
    expect((error as InternalError).requestId).toBe(handle.requestId);
    expect(retries).toEqual([]);
    expect(sent).toBe(2);
  });

  it("still retries a status poll whose fetch failed, the way browsers report it", async () => {
    const retries: RetryEvent[] = [];
    let failures = 2;
    const client = env.client({
      onRetry: (event) => retries.push(event),
      fetch: (input, init) =>
        String(input instanceof Request ? input.url : input).endsWith("/status") && failures-- > 0
          ? Promise.reject(failedToFetch())
          : fetch(input, init),
    });
    const handle = await client.queue.submit("falAiFluxProKontextMax", validInput);
    await expect(client.queue.status(handle)).resolves.toHaveProperty("status");
    expect(retries.map((r) => [r.method, r.attempt, r.reason])).toEqual([
      ["GET", 1, "Failed to fetch"],
      ["GET", 2, "Failed to fetch"],
    ]);
  });

  it("never resends a submit whose fetch failed: it may have been accepted and paid", async () => {
    const before = submits(env.emulator);
    let sent = 0;
    const client = env.client({
      fetch: () => {
        sent++;
        return Promise.reject(failedToFetch());
      },
    });
    const error = await client.run("falAiFluxProKontextMax", validInput).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(sent).toBe(1);
    expect(submits(env.emulator)).toBe(before);
  });

  it("reports a submit whose accepted answer was cut mid-body as a ConnectionError naming the job", async () => {
    const cut = () =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"status": "IN_QUEUE", "request_id": '));
            controller.error(new TypeError("terminated"));
          },
        }),
        {
          status: 200,
          headers: { "x-fal-request-id": "job-42", "content-type": "application/json" },
        },
      );
    const client = env.client({ fetch: async () => cut() });
    const error = await client.run("falAiFluxProKontextMax", validInput).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).requestId).toBe("job-42");
  });

  it("names the job and how to resume it when a missing host API fails the wait after a paid submit", async () => {
    const iife = (
      await build({
        entryPoints: [join(repoRoot, "src/index.ts")],
        bundle: true,
        platform: "browser",
        format: "iife",
        globalName: "chainhub",
        write: false,
        logLevel: "silent",
      })
    ).outputFiles[0]!.text;
    // Safari before 16 has neither AbortSignal.any nor AbortSignal.timeout.
    const { any: _, timeout: __, ...legacy } = Object.getOwnPropertyDescriptors(AbortSignal);
    const host = createStrictHost({
      globals: { AbortSignal: Object.defineProperties(function AbortSignal() {}, legacy) },
    });
    host.run(iife);
    const bundled = host.run("chainhub") as typeof import("../../../src/index.js");
    const options = { contract: seedContract, apiKey: TEST_KEY, baseUrl: env.emulator.url };
    const before = submits(env.emulator);
    const error = (await bundled
      .createClient({ ...options, pollIntervalMs: 10 })
      .run("falAiFluxProKontextMax", validInput, { timeoutMs: 60_000 })
      .catch((e: unknown) => e)) as InternalError;
    expect(error.name).toBe("InternalError");
    expect(error.message).toMatch(/AbortSignal\.timeout is not a function/);
    expect(submits(env.emulator)).toBe(before + 1);
    expect(error.requestId).toMatch(/\S/);
    const resume = `client.wait({ operation: "falAiFluxProKontextMax", requestId: "${error.requestId}" })`;
    expect(error.message).toContain(resume);
    // What the message says works: the paid result is not lost.
    const { data } = await env
      .client()
      .wait({ operation: "falAiFluxProKontextMax", requestId: error.requestId! });
    expect(data.images.length).toBeGreaterThan(0);
  });

  it("throws a ConfigurationError naming the spec's operations for an unknown operation", async () => {
    const client = env.client();
    for (const call of [
      () => client.request("noSuchOperation" as never),
      () => client.run("noSuchOperation" as never, {} as never),
      () => client.wait({ operation: "noSuchOperation" as never, requestId: "x" }),
    ]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as Error).message).toMatch(
        /^unknown (queue )?operation "noSuchOperation"; known: .*falAiFluxProKontextMax/,
      );
    }
  });
});
