import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  ConnectionError,
  InternalServerError,
  saveImages,
  type RetryEvent,
} from "../../../src/index.js";
import { useEmulator, validInput } from "../../helpers/emulator.js";

/** Backoff short enough for a test; the rules (what is retried, how often) are the real ones. */
const FAST = { retry: { initialDelayMs: 1, maxDelayMs: 5 } };

describe("saveImages on a CDN that fails now and then", () => {
  const env = useEmulator();
  const result = async () =>
    (await env.client().run("falAiFluxProKontextMax", validInput, { pollIntervalMs: 1 })).data;
  const folder = () => mkdtempSync(join(tmpdir(), "save-images-"));

  it("retries a download the CDN resets, answers 500 to, or cuts short, and saves the image", async () => {
    const data = await result();
    const retries: RetryEvent[] = [];
    env.emulator.inject({ kind: "reset", route: "cdn" });
    env.emulator.inject({ kind: "500", route: "cdn" });
    env.emulator.inject({ kind: "truncated", route: "cdn" });
    const dir = folder();
    const saved = await saveImages(data, dir, { ...FAST, onRetry: (e) => retries.push(e) });
    expect(saved.map((s) => s.path)).toEqual([join(dir, "image-0.png")]);
    expect(saved[0]!.bytes).toBeGreaterThan(100);
    expect(retries.map((r) => r.reason)).toEqual([
      expect.stringMatching(/UND_ERR_SOCKET|ECONNRESET|fetch failed/),
      "HTTP 500",
      expect.any(String),
    ]);
    expect(retries.every((r) => r.method === "GET" && r.url === data.images[0]!.url)).toBe(true);
  });

  it("gives up after its retries with a ConnectionError naming the URL and the file it was for", async () => {
    const data = await result();
    env.emulator.inject({ kind: "reset", route: "cdn", times: 2 });
    const dir = folder();
    const failure = await saveImages(data, dir, { ...FAST, maxRetries: 1 }).catch((e) => e);
    expect(failure).toBeInstanceOf(ConnectionError);
    expect(failure.url).toBe(data.images[0]!.url);
    expect(failure.message).toContain(`downloading image 0 of the result, for ${dir} failed`);
    expect(failure.message).toContain(`GET ${new URL(data.images[0]!.url).pathname}`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("gives up on a CDN that keeps answering 5xx with an InternalServerError naming the download", async () => {
    const data = await result();
    env.emulator.inject({ kind: "500", route: "cdn", times: 2 });
    const dir = folder();
    const failure = await saveImages(data, dir, { ...FAST, maxRetries: 1 }).catch((e) => e);
    expect(failure).toBeInstanceOf(InternalServerError);
    expect(failure.status).toBe(500);
    expect(failure.message).toMatch(
      /^500 Internal Server Error: GET \/files\/\S+ \(Internal server error\); downloading image 0 of the result, for /,
    );
    expect(existsSync(join(dir, "image-0.png"))).toBe(false);
  });
});
