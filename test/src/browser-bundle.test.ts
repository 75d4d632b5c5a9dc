import { join } from "node:path";
import { build, type BuildOptions } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/run-generate.js";
import { TEST_KEY, useEmulator, validInput } from "../helpers/emulator.js";
import { seedContract } from "../helpers/seed.js";
import { createStrictHost } from "../helpers/strict-host.js";

const bundle = async (options: BuildOptions): Promise<string> => {
  const result = await build({
    entryPoints: [join(repoRoot, "src/index.ts")],
    bundle: true,
    platform: "browser",
    write: false,
    logLevel: "silent",
    ...options,
  });
  expect(result.errors).toEqual([]);
  return result.outputFiles![0]!.text;
};

/**
 * Node-only calls on the client's path, in our own code (openapi-fetch is left out: the strict
 * host below runs it). Each must sit behind a host check, as `unref?.()` and
 * `globalThis.process?.env` do, or in a Node-only module loaded on demand (node-only.ts).
 */
const NODE_ONLY = [
  { what: "an unguarded unref()", pattern: /\.unref\(\)/g },
  { what: "Buffer", pattern: /\bBuffer\b/g },
  {
    what: "process other than globalThis.process?.",
    pattern: /(?<!globalThis\.)\bprocess\b(?!\?\.)/g,
  },
  { what: "require() of a module", pattern: /(?<![.\w$])require\(\s*["'`]/g },
  // A host function called as a method of one of our objects gets that object as `this`.
  {
    what: "a host function called as a method",
    pattern:
      /\b(?!globalThis\b)[\w$]+\.(fetch|setTimeout|setInterval|clearTimeout|clearInterval|queueMicrotask|atob|btoa)\(/g,
  },
];

/** The client's entry must bundle for browsers and run where Node's extras do not exist. */
describe("the client bundled for a browser", () => {
  const env = useEmulator();
  let iife: string;

  beforeAll(async () => {
    iife = await bundle({ format: "iife", globalName: "chainhub" });
  });

  it("calls no Node-only API in its own code, and no host function with a foreign this", async () => {
    const code = await bundle({ format: "esm", external: ["openapi-fetch"] });
    const comments = /^\s*(\/\/|\*|\/\*).*$/gm;
    const source = code.replace(comments, "");
    const found = NODE_ONLY.flatMap(({ what, pattern }) =>
      [...source.matchAll(pattern)].map(
        (m) => `${what}: ...${source.slice(m.index - 40, m.index + 40)}...`,
      ),
    );
    expect(found).toEqual([]);
  });

  it.each([
    ["default options", {}],
    ["timeoutMs: 0", { timeoutMs: 0 }],
    ["a caller's signal", { signal: true }],
  ])(
    "runs an edit with %s in a realm without process, Buffer, unref or a lenient this",
    async (_, extra) => {
      const host = createStrictHost();
      host.run(iife);
      const { createClient } = host.run("chainhub") as typeof import("../../src/index.js");
      const { signal, ...options } = extra as { signal?: boolean; timeoutMs?: number };
      const client = createClient({
        contract: seedContract,
        apiKey: TEST_KEY,
        baseUrl: env.emulator.url,
        pollIntervalMs: 10,
        ...options,
      });
      const before = env.emulator.stats.submits.falAiFluxProKontextMax ?? 0;
      const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      const { data } = await client.kontextMax.edit(
        { ...validInput, image_url: undefined, image: new Blob([bytes], { type: "image/png" }) },
        signal ? { signal: new AbortController().signal } : {},
      );
      expect(data.images).toHaveLength(1);
      expect(env.emulator.stats.submits.falAiFluxProKontextMax).toBe(before + 1);
    },
  );

  it("refuses an API key in a page, and takes a proxyUrl there", () => {
    const host = createStrictHost({ window: true });
    host.run(iife);
    const { createClient } = host.run("chainhub") as typeof import("../../src/index.js");
    expect(() => createClient({ contract: seedContract, apiKey: TEST_KEY })).toThrow(
      expect.objectContaining({
        name: "ConfigurationError",
        message: expect.stringMatching(/proxyUrl/),
      }),
    );
    expect(() =>
      createClient({ contract: seedContract, proxyUrl: "http://127.0.0.1:1/api/chainhub" }),
    ).not.toThrow();
  });
});
