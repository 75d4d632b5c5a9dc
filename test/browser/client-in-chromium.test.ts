import type { Page, Request, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { FAST_TIMING } from "../helpers/emulator.js";
import { seedSpec } from "../helpers/seed.js";
import { launchChromium } from "./chromium.js";
import { bundlePage, SAMPLE_PNG, servePage } from "./page-server.js";
import type { PageCase, PageOutcome } from "./page/app.js";

const KEY = "sk-browser-test-0123456789abcdef";
/** The key as sent (its characters need no URL encoding) and inside a base64 `Basic` header. */
const KEY_FORMS = [KEY, btoa(KEY).slice(0, 40)];
const OPTIONS = ["default options", "timeoutMs: 0", "a caller's signal"] as const;

/** Everything the browser sent and received, as text, to search for the key. */
class Traffic {
  readonly seen: string[] = [];
  private readonly reading: Promise<void>[] = [];

  record(page: Page): void {
    page.on("request", (request: Request) => {
      this.reading.push(
        request.allHeaders().then((headers) => {
          this.seen.push(`${request.method()} ${request.url()} ${JSON.stringify(headers)}`);
          this.seen.push(request.postDataBuffer()?.toString("latin1") ?? "");
        }),
      );
    });
    page.on("response", (response: Response) => {
      this.reading.push(
        Promise.all([response.allHeaders(), response.body().catch(() => Buffer.alloc(0))]).then(
          ([headers, body]) => {
            this.seen.push(`${response.status()} ${response.url()} ${JSON.stringify(headers)}`);
            this.seen.push(body.toString("latin1"));
          },
        ),
      );
    });
  }

  /** Waits until every request and response so far has been read. */
  async settled(): Promise<string[]> {
    for (let read = 0; read < this.reading.length; read = this.reading.length)
      await Promise.all(this.reading.slice(read));
    return this.seen;
  }
}

/**
 * The package bundled for the browser, in a real headless Chromium, through createProxy in
 * front of the emulator: what a browser app does, with the key on the server only.
 */
describe("the client in a real browser, through the proxy", () => {
  let fast: Emulator;
  /** Jobs that stay queued: a cancel always finds them unfinished. */
  let slow: Emulator;
  let page: Page;
  let site: { url: string; close: () => Promise<void> };
  let browser: { close: () => Promise<void> };
  const traffic = new Traffic();
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const options = { spec: seedSpec, apiKey: KEY, imageScale: 0.125 };
    [fast, slow] = await Promise.all([
      // Every state answers one poll, whatever the machine's load: progress is deterministic.
      startEmulator({ ...options, timing: FAST_TIMING }),
      startEmulator({ ...options, timing: { queueMs: 600_000, runMs: 1 } }),
    ]);
    site = await servePage(await bundlePage(), [
      { prefix: "/api/chainhub", relayUrl: fast.url, apiKey: KEY },
      { prefix: "/api/slow", relayUrl: slow.url, apiKey: KEY },
    ]);
    const chromium = await launchChromium();
    browser = chromium;
    page = await chromium.context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    traffic.record(page);
    await page.goto(site.url);
    await page.waitForFunction(() => "editInPage" in globalThis);
    await page.setInputFiles("#image", SAMPLE_PNG);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await Promise.all([fast?.close(), slow?.close()]);
  });

  /** Everything the browser has seen so far: never the key, in any form. */
  const expectNoKeySeen = async () => {
    const seen = await traffic.settled();
    expect(seen.length).toBeGreaterThan(0);
    for (const form of KEY_FORMS) expect(seen.filter((line) => line.includes(form))).toEqual([]);
  };

  const edit = (run: PageCase): Promise<PageOutcome> =>
    page.evaluate(
      (r) =>
        (
          globalThis as unknown as Window & {
            editInPage(c: PageCase): Promise<PageOutcome>;
          }
        ).editInPage(r),
      run,
    );

  describe.each(["file", "url"] as const)("with a %s input", (input) => {
    it.each(OPTIONS)(
      "edits an image with %s, reports progress and renders the result images",
      async (options) => {
        const before = fast.stats.submits.falAiFluxProKontextMax ?? 0;
        const outcome = await edit({ input, options, proxyUrl: "/api/chainhub" });
        expect(outcome.error).toBeUndefined();
        expect(outcome.requestId).toMatch(/\S/);
        expect(outcome.statuses).toEqual(["IN_QUEUE", "IN_PROGRESS", "COMPLETED"]);
        expect(outcome.widths.length).toBeGreaterThan(0);
        for (const width of outcome.widths) expect(width).toBeGreaterThan(0);
        // One paid job per edit: nothing was sent twice.
        expect(fast.stats.submits.falAiFluxProKontextMax).toBe(before + 1);
        await expectNoKeySeen();
      },
    );
  });

  it.each(["default options", "timeoutMs: 0"] as const)(
    "stops waiting on the caller's abort with %s and cancels the job upstream",
    async (options) => {
      const cancels = () => slow.stats.requests.filter((r) => r.route === "cancel").length;
      const before = cancels();
      const outcome = await edit({
        input: "file",
        options,
        proxyUrl: "/api/slow",
        abortOnFirstProgress: true,
      });
      expect(outcome.statuses).toEqual(["IN_QUEUE"]);
      expect(outcome.error?.name).toBe("AbortError");
      expect(outcome.error?.message).toMatch(/cancelled it/);
      expect(outcome.error?.requestId).toMatch(/\S/);
      expect(cancels()).toBe(before + 1);
      await expectNoKeySeen();
    },
  );

  it("refuses an API key in the page unless dangerouslyAllowBrowser is set", async () => {
    const create = (allow: boolean) =>
      page.evaluate(
        (a) => (globalThis as unknown as { createWithKey(a: boolean): string }).createWithKey(a),
        allow,
      );
    expect(await create(false)).toMatch(/^ConfigurationError: .*proxyUrl/);
    expect(await create(true)).toBe("created");
  });

  it("went through the proxy and the image CDN only, with no error in the page", async () => {
    await expectNoKeySeen();
    const seen = await traffic.settled();
    const proxied = seen.filter((line) => line.includes("/api/chainhub/"));
    expect(proxied.length).toBeGreaterThan(10);
    expect(seen.some((line) => line.includes(fast.cdnUrl))).toBe(true);
    expect(seen.some((line) => line.includes(fast.url) || line.includes(slow.url))).toBe(false);
    expect(pageErrors).toEqual([]);
    if (process.env.CHAINHUB_BROWSER_SCREENSHOT)
      await page.screenshot({ path: process.env.CHAINHUB_BROWSER_SCREENSHOT, fullPage: true });
  });
});
