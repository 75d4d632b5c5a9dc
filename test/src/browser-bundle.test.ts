import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/run-generate.js";
import { TEST_KEY, useEmulator, validInput } from "../helpers/emulator.js";
import { seedContract } from "../helpers/seed.js";

/** The client's entry must bundle for browsers: no Node.js module may be reached statically. */
describe("the client bundled for a browser", () => {
  const env = useEmulator();

  it("bundles with platform=browser and still runs an edit through any fetch", async () => {
    const outfile = join(mkdtempSync(join(tmpdir(), "browser-")), "client.mjs");
    const result = await build({
      entryPoints: [join(repoRoot, "src/index.ts")],
      bundle: true,
      platform: "browser",
      format: "esm",
      outfile,
      logLevel: "silent",
    });
    expect(result.errors).toEqual([]);
    const bundle = (await import(
      pathToFileURL(outfile).href
    )) as typeof import("../../src/index.js");
    const client = bundle.createClient({
      contract: seedContract,
      apiKey: TEST_KEY,
      baseUrl: env.emulator.url,
      pollIntervalMs: 10,
      fetch: (input, init) => fetch(input, init),
    });
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const { data } = await client.kontextMax.edit({
      ...validInput,
      image_url: undefined,
      image: new Blob([bytes], { type: "image/png" }),
    });
    expect(data.images).toHaveLength(1);
  });
});
