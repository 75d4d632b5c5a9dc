import { execFile } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/run-generate.js";
import { submits, useEmulator } from "../helpers/emulator.js";

const KEY = "sk-runtime-test-0123456789abcdef";
const run = promisify(execFile);

/** The binaries npm installs with the devDependencies `deno` and `bun` (pinned versions). */
const RUNTIMES = [
  {
    name: "Deno",
    bin: join(repoRoot, "node_modules/.bin/deno"),
    args: (script: string, relay: string) => [
      "run",
      "--no-prompt",
      "--allow-net=127.0.0.1",
      script,
      relay,
      KEY,
    ],
  },
  {
    name: "Bun",
    bin: join(repoRoot, "node_modules/.bin/bun"),
    args: (script: string, relay: string) => [script, relay, KEY],
  },
];

interface Report {
  runs: { client: string; options: string; input: string; images: number; error?: string }[];
  responses: number;
  keySeen: boolean;
}

/**
 * The client and createProxy on the other runtimes that install from npm: the proxy served by
 * the runtime's own server (Deno.serve, Bun.serve), the client calling it, the emulator upstream.
 */
describe.each(RUNTIMES)("the client and the proxy under $name", ({ name, bin, args }) => {
  const env = useEmulator({ apiKey: KEY });
  let script: string;

  beforeAll(async () => {
    // Never skipped: a missing binary is a broken install (npm ci installs both).
    if (!existsSync(bin)) throw new Error(`${bin} is missing: run npm ci`);
    script = join(mkdtempSync(join(tmpdir(), "chainhub-runtime-")), "edit-through-proxy.mjs");
    await build({
      entryPoints: [join(repoRoot, "test/browser/runtimes/edit-through-proxy.ts")],
      bundle: true,
      platform: "browser",
      format: "esm",
      outfile: script,
      logLevel: "silent",
    });
  });

  it(`edits through the proxy with every option set, and the key never reaches the client (${name})`, async () => {
    const before = submits(env.emulator);
    const { stdout } = await run(bin, args(script, env.emulator.url), {
      timeout: 60_000,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? tmpdir() },
    });
    const report = JSON.parse(stdout.trim().split("\n").at(-1)!) as Report;
    expect(report.runs.filter((r) => r.error)).toEqual([]);
    expect(report.runs.map((r) => `${r.client} ${r.options} ${r.input} ${r.images}`)).toEqual([
      "proxyUrl default options blob 1",
      "proxyUrl default options url 1",
      "proxyUrl timeoutMs: 0 blob 1",
      "proxyUrl timeoutMs: 0 url 1",
      "proxyUrl a caller's signal blob 1",
      "proxyUrl a caller's signal url 1",
      "apiKey default options blob 1",
    ]);
    expect(submits(env.emulator)).toBe(before + 7);
    expect(report.responses).toBeGreaterThan(6 * 3);
    expect(report.keySeen).toBe(false);
  });
});
