import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { build } from "esbuild";
import { createProxy, toNodeHandler } from "../../src/proxy/index.js";
import { repoRoot } from "../helpers/run-generate.js";
import { seedContract } from "../helpers/seed.js";

/** A small real PNG (PngSuite's basn2c08) for the file picker and the URL input. */
export const SAMPLE_PNG = join(repoRoot, "test/fixtures/images/basn2c08.png");

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>chainhub in a browser</title>
<style>body{font:14px sans-serif;margin:8px}img{width:96px;margin:2px;border:1px solid #999}figure{display:inline-block;margin:4px}</style>
</head><body>
<h1>chainhub-fal-client in Chromium</h1>
<input type="file" id="image" accept="image/*">
<script type="module" src="/app.js"></script>
</body></html>`;

/** The page's code and the package, bundled the way a browser app ships them. */
export async function bundlePage(): Promise<string> {
  const result = await build({
    entryPoints: [join(repoRoot, "test/browser/page/app.ts")],
    bundle: true,
    platform: "browser",
    format: "esm",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

/** A relay the browser may reach only through its mount point on the page's own server. */
export interface Mount {
  prefix: string;
  relayUrl: string;
  apiKey: string;
}

/**
 * One origin on 127.0.0.1, as an app serves it: the page, its bundle, a sample image, and the
 * proxy (createProxy through toNodeHandler) at each mount, in front of an emulator.
 */
export async function servePage(
  bundle: string,
  mounts: Mount[],
): Promise<{ url: string; close: () => Promise<void> }> {
  const proxies = mounts.map((mount) => ({
    prefix: mount.prefix,
    handle: toNodeHandler(
      createProxy({
        contract: seedContract,
        allow: ["falAiFluxProKontextMax"],
        apiKey: mount.apiKey,
        baseUrl: mount.relayUrl,
        prefix: mount.prefix,
      }),
    ),
  }));
  const sample = readFileSync(SAMPLE_PNG);
  const send = (res: ServerResponse, type: string, body: string | Buffer) => {
    res.writeHead(200, { "content-type": type, "cache-control": "no-store" });
    res.end(body);
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", "http://page.invalid").pathname;
    const proxy = proxies.find((p) => path.startsWith(`${p.prefix}/`));
    if (proxy) return proxy.handle(req, res);
    if (path === "/") return send(res, "text/html; charset=utf-8", PAGE);
    if (path === "/app.js") return send(res, "text/javascript; charset=utf-8", bundle);
    if (path === "/sample.png") return send(res, "image/png", sample);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
