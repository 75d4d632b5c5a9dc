/**
 * The page's own code, bundled with the package for the browser (esbuild, platform=browser) as
 * an app would: it runs one edit through the proxy and shows the result images.
 */
import { createClient, type ClientOptions } from "../../../src/index.js";
import { contract } from "../../fixtures/seed/generated/index.gen.js";

/** One run, as the test asks for it. */
export interface PageCase {
  /** The picked file of `<input type="file">`, or a URL the page serves. */
  input: "file" | "url";
  /** Which client options differ from the defaults. */
  options: "default options" | "timeoutMs: 0" | "a caller's signal";
  /** Where the proxy is mounted. */
  proxyUrl: string;
  /** Aborts the caller's signal at the first progress event. */
  abortOnFirstProgress?: boolean;
}

export interface PageOutcome {
  requestId?: string;
  statuses: string[];
  /** naturalWidth of every result image once decoded: 0 would mean it did not render. */
  widths: number[];
  error?: { name: string; message: string; requestId?: string };
}

async function editInPage(run: PageCase): Promise<PageOutcome> {
  const statuses: string[] = [];
  const controller = new AbortController();
  const options: ClientOptions<typeof contract> = { contract, proxyUrl: run.proxyUrl };
  // Only "default options" waits the default 500 ms between polls; the rest need not.
  if (run.options !== "default options") options.pollIntervalMs = 20;
  if (run.options === "timeoutMs: 0") options.timeoutMs = 0;
  const client = createClient(options);
  const picked = document.querySelector<HTMLInputElement>("#image")?.files?.[0];
  const image = run.input === "file" ? picked : `${location.origin}/sample.png`;
  if (!image) throw new Error("no file picked in #image");
  try {
    const { requestId, data } = await client.kontextMax.edit(
      { prompt: `edit ${run.input} with ${run.options}`, image, output_format: "png" },
      {
        onProgress: (progress) => {
          statuses.push(progress.status);
          if (run.abortOnFirstProgress) controller.abort();
        },
        ...(run.options === "a caller's signal" || run.abortOnFirstProgress
          ? { signal: controller.signal }
          : {}),
      },
    );
    return { requestId, statuses, widths: await show(data.images.map((i) => i.url)) };
  } catch (error) {
    const { name, message, requestId } = error as Error & { requestId?: string };
    return { statuses, widths: [], error: { name, message, ...(requestId ? { requestId } : {}) } };
  }
}

/** Appends the images to the page and waits until each has decoded. */
async function show(urls: string[]): Promise<number[]> {
  const figure = document.createElement("figure");
  document.body.append(figure);
  return Promise.all(
    urls.map(async (url) => {
      const img = document.createElement("img");
      img.src = url;
      figure.append(img);
      await img.decode();
      return img.naturalWidth;
    }),
  );
}

/** What the key guard says when a page holds a key. */
function createWithKey(dangerouslyAllowBrowser: boolean): string {
  try {
    createClient({ contract, apiKey: "sk-page-held-0123456789", dangerouslyAllowBrowser });
    return "created";
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
}

Object.assign(globalThis, { editInPage, createWithKey });
