import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import jpeg from "jpeg-js";
import { describe, expect, it } from "vitest";
import {
  AbortedError,
  AuthenticationError,
  ConfigurationError,
  ConnectionError,
  createClient,
  FileInputError,
  fileFrom,
  InternalServerError,
  saveImages,
  TimeoutError,
  UnprocessableEntityError,
  ValidationError,
} from "../../src/index.js";
import { submits, TEST_KEY, useEmulator, validInput } from "../helpers/emulator.js";
import { seedContract } from "../helpers/seed.js";

describe("the queue protocol against the emulator", () => {
  const env = useEmulator();

  it("submits, reports status with logs, fetches the result and cancels", async () => {
    const client = env.client();
    const handle = await client.queue.submit("falAiFluxProKontextMax", validInput);
    expect(handle.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(handle.urls.status).toBe(`/fal-ai/flux-pro/requests/${handle.requestId}/status`);
    expect((await client.queue.status(handle)).status).toBe("IN_QUEUE");
    const { data } = await client.wait(handle);
    const status = await client.queue.status(handle, { logs: true });
    expect(status.status).toBe("COMPLETED");
    expect(status.logs?.map((l) => l.message)).toEqual(["Loading model", "Generated the output"]);
    expect(await client.queue.result(handle)).toEqual(data);
    expect(await client.queue.cancel(handle)).toBe("ALREADY_COMPLETED");
    expect(
      await client.queue.cancel({ operation: "falAiFluxProKontextMax", requestId: "no-such-job" }),
    ).toBe("NOT_FOUND");
  });

  it("runs an edit by path or by id and returns the typed result with real images", async () => {
    const client = env.client();
    const progress: string[] = [];
    const { data, requestId } = await client.run(
      "/fal-ai/flux-pro/kontext/max",
      { ...validInput, num_images: 2, seed: 42 },
      {
        onProgress: (p) => progress.push(p.status),
      },
    );
    expect(requestId).toBeTruthy();
    expect(progress.at(-1)).toBe("COMPLETED");
    expect(progress).toContain("IN_QUEUE");
    expect(data.seed).toBe(42);
    expect(data.prompt).toBe(validInput.prompt);
    expect(data.images).toHaveLength(2);
    expect(data.has_nsfw_concepts).toEqual([false, false]);
    expect(data.images[0]).toMatchObject({ width: 176, height: 96, content_type: "image/png" });
  });

  it("saves results to disk with the right extension, without sending the key to the image host", async () => {
    const client = env.client();
    const { data } = await client.kontextMax.edit({
      prompt: "p",
      image: validInput.image_url,
      output_format: "jpeg",
    });
    const dir = mkdtempSync(join(tmpdir(), "saved-"));
    const seenAuth: (string | null)[] = [];
    const spy: typeof fetch = (input, init) => {
      seenAuth.push(new Headers(init?.headers).get("authorization"));
      return fetch(input, init);
    };
    const saved = await saveImages(data, dir, { fetch: spy });
    expect(saved.map((s) => s.path)).toEqual([join(dir, "image-0.jpg")]);
    expect(jpeg.decode(readFileSync(saved[0]!.path)).width).toBe(data.images[0]!.width);
    expect(seenAuth).toEqual([null]);
    expect(env.emulator.stats.cdnRequestsWithAuthorization).toBe(0);
  });

  it("returns data URIs in sync mode and saves them too", async () => {
    const { data } = await env
      .client()
      .kontextMax.edit({ prompt: "p", image: validInput.image_url, sync_mode: true });
    expect(data.images[0]!.url).toMatch(/^data:image\/jpeg;base64,/);
    const saved = await saveImages(data, mkdtempSync(join(tmpdir(), "sync-")));
    expect(saved[0]!.bytes).toBeGreaterThan(100);
  });

  it("inlines a local file as a data URI, and refuses one over the size limit by name", async () => {
    const dir = mkdtempSync(join(tmpdir(), "input-"));
    const path = join(dir, "photo.png");
    writeFileSync(path, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));
    const client = env.client({ maxInlineBytes: 1024 });
    await expect(
      client.kontextMax.edit({ prompt: "p", image: fileFrom(path) }),
    ).resolves.toBeTruthy();
    writeFileSync(path, Buffer.alloc(2048));
    await expect(client.kontextMax.edit({ prompt: "p", image: fileFrom(path) })).rejects.toThrow(
      FileInputError,
    );
    await expect(
      client.kontextMax.edit({ prompt: "p", image: fileFrom(join(dir, "missing.png")) }),
    ).rejects.toThrow(/image_url: cannot read local file .*missing\.png \(ENOENT\)/);
  });

  it("resumes waiting by request id from a fresh client, as after a crash", async () => {
    const handle = await env.client().queue.submit("falAiFluxProKontextMax", validInput);
    const before = submits(env.emulator);
    const resumed = await env
      .client()
      .wait({ operation: "falAiFluxProKontextMax", requestId: handle.requestId });
    expect(resumed.requestId).toBe(handle.requestId);
    expect(resumed.data.images).toHaveLength(1);
    expect(submits(env.emulator)).toBe(before);
  });
});

describe("validation before money is spent", () => {
  const env = useEmulator();

  it("throws one ValidationError listing every problem, and sends nothing", async () => {
    const requests = env.emulator.stats.requests.length;
    const error = await env
      .client()
      .run("falAiFluxProKontextMax", { ...validInput, aspect_ratio: "5:4", num_images: 9 } as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual([
      "aspect_ratio",
      "num_images",
    ]);
    expect(env.emulator.stats.requests.length).toBe(requests);
  });

  it("refuses a submit without input as a ValidationError, as a typed request is refused", async () => {
    const requests = env.emulator.stats.requests.length;
    const error = await env
      .client()
      .queue.submit("falAiFluxProKontextMax", undefined as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      { path: "", message: "a request body is required" },
    ]);
    expect(env.emulator.stats.requests.length).toBe(requests);
  });

  it("maps the server's own 422 to field issues when client validation is off", async () => {
    const error = await env
      .client({ validate: false })
      .run("falAiFluxProKontextMax", { ...validInput, num_images: 9 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect((error as UnprocessableEntityError).issues).toEqual([
      { path: "num_images", message: "must be <= 4, got 9", type: "value_error" },
    ]);
    expect((error as UnprocessableEntityError).retryable).toBe(false);
  });
});

describe("faults", () => {
  const env = useEmulator();

  it("retries a 429 on submit after Retry-After, and the job is paid once", async () => {
    const before = submits(env.emulator);
    env.emulator.inject({ kind: "429", route: "submit", retryAfter: 0.05 });
    const retries: string[] = [];
    await env
      .client({ onRetry: (e) => retries.push(`${e.reason} after ${e.delayMs}ms`) })
      .run("falAiFluxProKontextMax", validInput);
    expect(retries).toEqual(["HTTP 429 after 50ms"]);
    expect(submits(env.emulator)).toBe(before + 1);
  });

  it("retries a 503 on submit: the job was not accepted", async () => {
    env.emulator.inject({ kind: "503", route: "submit", times: 2 });
    await expect(env.client().run("falAiFluxProKontextMax", validInput)).resolves.toBeTruthy();
  });

  it("does not retry a 500 on submit: it surfaces instead of risking a second charge", async () => {
    const before = submits(env.emulator);
    env.emulator.inject({ kind: "500", route: "submit" });
    await expect(env.client().run("falAiFluxProKontextMax", validInput)).rejects.toThrow(
      InternalServerError,
    );
    expect(submits(env.emulator)).toBe(before);
  });

  it("does not resubmit when the connection resets after the job was accepted", async () => {
    const before = submits(env.emulator);
    env.emulator.inject({ kind: "reset", route: "submit" });
    await expect(env.client().run("falAiFluxProKontextMax", validInput)).rejects.toThrow(
      ConnectionError,
    );
    expect(submits(env.emulator)).toBe(before + 1);
  });

  it.each(["500", "503", "reset"] as const)("retries status polls through %s", async (kind) => {
    env.emulator.inject({ kind, route: "status", times: 2 });
    await expect(env.client().run("falAiFluxProKontextMax", validInput)).resolves.toBeTruthy();
  });

  it("retries the result fetch through a 429", async () => {
    env.emulator.inject({ kind: "429", route: "result", retryAfter: 0 });
    await expect(env.client().run("falAiFluxProKontextMax", validInput)).resolves.toBeTruthy();
  });

  it("gives up after maxRetries with the last error", async () => {
    env.emulator.inject({ kind: "500", route: "status", times: 10 });
    const error = await env
      .client({ maxRetries: 2 })
      .run("falAiFluxProKontextMax", validInput)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).requestId).toBeTruthy();
    env.emulator.clearFaults();
  });

  it("never retries a 504 marked as the caller's own timeout", async () => {
    env.emulator.inject({ kind: "504-user", route: "status", times: 2 });
    const retries: unknown[] = [];
    await expect(
      env.client({ onRetry: (e) => retries.push(e) }).run("falAiFluxProKontextMax", validInput),
    ).rejects.toMatchObject({ status: 504 });
    expect(retries).toEqual([]);
    env.emulator.clearFaults();
  });

  it("turns a stalled connection into a TimeoutError per attempt", async () => {
    env.emulator.inject({ kind: "stall", route: "submit", stallMs: 2_000 });
    await expect(
      env.client({ timeoutMs: 100 }).run("falAiFluxProKontextMax", validInput),
    ).rejects.toThrow(TimeoutError);
  });

  it("reports a submit's malformed body as a ConnectionError without sending it again", async () => {
    const sent = () => env.emulator.stats.requests.filter((r) => r.route === "submit").length;
    const before = sent();
    env.emulator.inject({ kind: "malformed-json", route: "submit" });
    await expect(env.client().run("falAiFluxProKontextMax", validInput)).rejects.toThrow(
      /not valid JSON/,
    );
    expect(sent()).toBe(before + 1);
  });

  it("retries a status or result body cut short or garbled, and names the job once retries run out", async () => {
    env.emulator.inject({ kind: "truncated", route: "status" });
    env.emulator.inject({ kind: "malformed-json", route: "status" });
    env.emulator.inject({ kind: "truncated", route: "result" });
    const { data } = await env.client().run("falAiFluxProKontextMax", validInput);
    expect(data.images).toHaveLength(1);

    env.emulator.inject({ kind: "truncated", route: "result", times: 4 });
    const error = await env
      .client()
      .run("falAiFluxProKontextMax", validInput)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).message).toContain("resume with client.wait");
  });

  it("reports a failed run (COMPLETED, then an error from the result) with its request id", async () => {
    env.emulator.inject({ kind: "job-failure", route: "submit" });
    const error = await env
      .client({ maxRetries: 0 })
      .run("falAiFluxProKontextMax", validInput)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).message).toContain("Upstream model error");
    expect((error as InternalServerError).requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("abort and timeout", () => {
  // Jobs stay queued until cancelled: the abort and the deadline always land on a live job.
  const env = useEmulator({
    timing: { queueMs: 0, runMs: 0, queuePolls: Number.MAX_SAFE_INTEGER },
  });

  it("aborting cancels the job upstream and says which job", async () => {
    const controller = new AbortController();
    const submitted: string[] = [];
    const pending = env.client().run("falAiFluxProKontextMax", validInput, {
      signal: controller.signal,
      onSubmitted: (id) => {
        submitted.push(id);
        controller.abort();
      },
    });
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortedError);
    expect((error as AbortedError).requestId).toBe(submitted[0]);
    const cancels = env.emulator.stats.requests.filter(
      (r) => r.route === "cancel" && r.path.includes(submitted[0]!),
    );
    expect(cancels).toHaveLength(1);
  });

  it("a total timeout cancels the job and throws TimeoutError with its id", async () => {
    const error = await env
      .client()
      .run("falAiFluxProKontextMax", validInput, { timeoutMs: 100 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(
      env.emulator.stats.requests.some(
        (r) => r.route === "cancel" && r.path.includes((error as TimeoutError).requestId!),
      ),
    ).toBe(true);
  });
});

describe("keys and configuration", () => {
  const env = useEmulator();

  it("never puts the key into errors, even on a 401", async () => {
    const wrongKey = "sk-wrong-secret-value-123";
    const error = await createClient({
      contract: seedContract,
      apiKey: wrongKey,
      baseUrl: env.emulator.url,
      maxRetries: 0,
    })
      .run("falAiFluxProKontextMax", validInput)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    const dump =
      JSON.stringify(error, Object.getOwnPropertyNames(error)) +
      String(error) +
      (error as Error).stack;
    expect(dump).not.toContain(wrongKey);
    expect(dump).not.toContain(TEST_KEY);
  });

  it("explains a missing key instead of sending an unauthenticated request", () => {
    expect(() => createClient({ baseUrl: env.emulator.url, apiKey: "" })).toThrow(
      ConfigurationError,
    );
    const saved = process.env.CHAINHUB_API_KEY;
    delete process.env.CHAINHUB_API_KEY;
    try {
      expect(() => createClient({ baseUrl: env.emulator.url })).toThrow(/set CHAINHUB_API_KEY/);
    } finally {
      if (saved !== undefined) process.env.CHAINHUB_API_KEY = saved;
    }
  });

  it("refuses a key no header can carry, without printing it: a trailing line break, a pasted quote", () => {
    const key = "sk-live-0123456789abcdef";
    for (const [bad, said] of [
      [`${key}\n`, "U+000A, character 25 of 25); a key read from a file keeps its line break"],
      [`${key}\r\n`, "U+000D, character 25 of 26)"],
      [`\u201c${key}\u201d`, "U+201C, character 1 of 26); copy the key again"],
    ] as const) {
      const error = (() => {
        try {
          createClient({ baseUrl: env.emulator.url, apiKey: bad });
        } catch (e) {
          return e as Error;
        }
      })();
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error!.message).toContain(said);
      expect(String(error) + error!.stack).not.toContain(key);
    }
    // A key with a tab or Latin-1 letters is what headers carry: not refused here.
    expect(() => createClient({ baseUrl: env.emulator.url, apiKey: `${key}\u00e9` })).not.toThrow();
  });

  it("names a malformed middleware entry as a ConfigurationError", () => {
    const options = { baseUrl: env.emulator.url, apiKey: TEST_KEY };
    const bad = [{ onRequest: () => undefined }, { onResponse: "not a function" }];
    expect(() => createClient({ ...options, middleware: bad as never })).toThrow(
      new ConfigurationError(
        "middleware[1] must be an object with onRequest, onResponse or onError functions",
      ),
    );
    expect(() => createClient({ ...options, middleware: bad as never })).toThrow(
      ConfigurationError,
    );
    expect(() => createClient({ ...options, middleware: [null] as never })).toThrow(
      /middleware\[0\] must be an object/,
    );
  });

  it("defaults the base URL to the spec's server", async () => {
    const urls: string[] = [];
    const client = createClient({
      contract: seedContract,
      apiKey: TEST_KEY,
      fetch: async (input) => {
        urls.push(input instanceof Request ? input.url : String(input));
        return new Response(JSON.stringify({ status: "IN_QUEUE", request_id: "r1" }), {
          headers: { "content-type": "application/json" },
        });
      },
    });
    await client.queue.submit("falAiFluxProKontextMax", validInput);
    expect(urls).toEqual(["https://api.chainhub.tech/fal-ai/flux-pro/kontext/max"]);
  });
});

describe("a relay that answers submits synchronously", () => {
  const env = useEmulator({ syncSubmit: true });

  it("returns the result from the submit answer without polling", async () => {
    const { data } = await env.client().run("falAiFluxProKontextMax", validInput);
    expect(data.images).toHaveLength(1);
    expect(env.emulator.stats.requests.filter((r) => r.route === "status")).toEqual([]);
  });
});
