/**
 * Run under Deno or Bun by client-in-deno-and-bun.test.ts, bundled by esbuild: serves
 * createProxy with the runtime's own server, runs edits through it with the client (and one
 * with the key, as server code may), and prints what happened as one JSON line.
 */
import { createClient } from "../../../src/index.js";
import { createProxy } from "../../../src/proxy/index.js";
import { contract } from "../../fixtures/seed/generated/index.gen.js";

type Handler = (request: Request) => Promise<Response>;
interface Served {
  url: string;
  close(): Promise<void>;
}

declare const Deno:
  | {
      serve(
        options: { hostname: string; port: number; onListen(): void },
        handler: Handler,
      ): { addr: { port: number }; shutdown(): Promise<void> };
      args: string[];
    }
  | undefined;
declare const Bun:
  | {
      serve(options: { hostname: string; port: number; fetch: Handler }): {
        port: number;
        stop(force: boolean): void;
      };
      argv: string[];
    }
  | undefined;

/** The runtime's own HTTP server: what a proxy deployed there would use. */
function serve(handler: Handler): Served {
  if (typeof Deno !== "undefined") {
    const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, handler);
    return { url: `http://127.0.0.1:${server.addr.port}`, close: () => server.shutdown() };
  }
  if (typeof Bun !== "undefined") {
    const server = Bun.serve({ hostname: "127.0.0.1", port: 0, fetch: handler });
    return { url: `http://127.0.0.1:${server.port}`, close: async () => server.stop(true) };
  }
  throw new Error("neither Deno nor Bun");
}

const [relayUrl, apiKey] = typeof Deno !== "undefined" ? Deno.args : Bun!.argv.slice(2);
if (!relayUrl || !apiKey) throw new Error("usage: edit-through-proxy <relay url> <api key>");

const proxy = serve(
  createProxy({
    contract,
    allow: ["falAiFluxProKontextMax"],
    apiKey,
    baseUrl: relayUrl,
    prefix: "/api/chainhub",
  }),
);
/** Everything the proxy's client received, as text: the key must be in none of it. */
const received: string[] = [];
const recordingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  const headers: string[] = [];
  response.headers.forEach((value, name) => headers.push(`${name}: ${value}`));
  received.push(headers.join("\n"), await response.clone().text());
  return response;
};

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const runs: { client: string; options: string; input: string; images: number; error?: string }[] =
  [];
const variants = {
  "default options": {},
  "timeoutMs: 0": { timeoutMs: 0 },
  "a caller's signal": {},
};
for (const [options, extra] of Object.entries(variants)) {
  for (const input of ["blob", "url"] as const) {
    const client = createClient({
      contract,
      proxyUrl: `${proxy.url}/api/chainhub`,
      pollIntervalMs: 10,
      fetch: recordingFetch,
      ...extra,
    });
    const image =
      input === "blob" ? new Blob([png], { type: "image/png" }) : `${relayUrl}/sample.png`;
    try {
      const { data } = await client.kontextMax.edit(
        { prompt: `${input} with ${options}`, image, output_format: "png" },
        options === "a caller's signal" ? { signal: new AbortController().signal } : {},
      );
      runs.push({ client: "proxyUrl", options, input, images: data.images.length });
    } catch (error) {
      runs.push({ client: "proxyUrl", options, input, images: 0, error: String(error) });
    }
  }
}
// Server code may hold the key itself: no browser guard outside a page.
try {
  const direct = createClient({ contract, apiKey, baseUrl: relayUrl, pollIntervalMs: 10 });
  const { data } = await direct.kontextMax.edit({
    prompt: "direct",
    image: new Blob([png], { type: "image/png" }),
    output_format: "png",
  });
  runs.push({
    client: "apiKey",
    options: "default options",
    input: "blob",
    images: data.images.length,
  });
} catch (error) {
  runs.push({
    client: "apiKey",
    options: "default options",
    input: "blob",
    images: 0,
    error: String(error),
  });
}
await proxy.close();
const keySeen = received.some((text) => text.includes(apiKey));
console.log(JSON.stringify({ runs, responses: received.length / 2, keySeen }));
