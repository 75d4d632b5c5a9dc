import { execFileSync, spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { packedPackage } from "../helpers/packed-package.js";
import { repoRoot } from "../helpers/run-generate.js";

/**
 * The packed package on the oldest Node its `engines` admits, not on the Node running the tests.
 * That Node comes from the npm registry (`node-<platform>-<arch>`, the binaries behind the `node`
 * package), cached under node_modules/.cache and, across fresh installs, in npm's own cache. So
 * the lower bound is exercised as written: lower it below 20.19 and `require()` of this ESM
 * package fails here.
 */
const manifest = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));
const engines: string = manifest.engines.node;
const oldest = /(\d+\.\d+\.\d+)/.exec(engines)![1]!;

function oldestNode(): string {
  const cache = join(repoRoot, "node_modules/.cache/min-node", oldest);
  const binary = join(cache, "package/bin/node");
  if (existsSync(binary)) return binary;
  mkdirSync(cache, { recursive: true });
  const name = `node-${process.platform}-${process.arch}@${oldest}`;
  const tarball = execFileSync(
    "npm",
    ["pack", name, "--pack-destination", cache, "--silent", "--prefer-offline"],
    {
      cwd: cache,
      encoding: "utf8",
    },
  ).trim();
  execFileSync("tar", ["xzf", join(cache, tarball), "-C", cache, "package/bin/node"]);
  return binary;
}

describe(`the packed package on Node ${oldest}, the oldest its engines (${engines}) admit`, () => {
  const work = mkdtempSync(join(tmpdir(), "min-node-"));
  const project = join(work, "app");
  let node = "";
  const run = (args: string[]) =>
    spawnSync(node, args, {
      cwd: project,
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "" },
    });

  beforeAll(async () => {
    node = oldestNode();
    const { tarball } = await packedPackage();
    mkdirSync(project);
    // CommonJS by default: require.cjs and round-trip.mjs say which loader they use.
    writeFileSync(
      join(project, "package.json"),
      JSON.stringify({ name: "old-node", private: true }),
    );
    execFileSync(
      "npm",
      ["install", tarball, "--no-audit", "--no-fund", "--prefer-offline", "--silent"],
      { cwd: project, stdio: "inherit" },
    );
    copyFileSync(join(repoRoot, "test/fixtures/images/basn2c08.png"), join(project, "in.png"));
    writeFileSync(join(project, "require.cjs"), REQUIRE_SCRIPT);
    writeFileSync(join(project, "round-trip.mjs"), ROUND_TRIP_SCRIPT);
  });

  it("is that Node", () => {
    expect(run(["--version"]).stdout.trim()).toBe(`v${oldest}`);
  });

  it("loads every entry with require(), as a CommonJS project does", () => {
    const result = run(["require.cjs"]);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      createClient: "function",
      startEmulator: "function",
      createProxy: "function",
      types: "object",
    });
  });

  it("edits a local PNG on the packaged emulator and gets that picture back", () => {
    const result = run(["round-trip.mjs"]);
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.emulated).toMatch(/its image is image_url \(a 32x32 PNG\)/);
    expect(report.downloaded).toEqual({ signature: "PNG", width: 128, height: 128 });
  });

  it("runs the kontext command end to end on its emulator", () => {
    const result = run([
      "node_modules/chainhub-fal-client/dist/js/cli.js",
      "edit",
      "--emulator",
      "--image",
      "in.png",
      "--prompt",
      "p",
      "--out",
      "cli-out",
      "--poll-interval",
      "50",
    ]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain("COMPLETED");
    expect(result.stderr).toMatch(/emulated: Made by the local ChainHub emulator/);
  });
});

const REQUIRE_SCRIPT = `
const client = require("chainhub-fal-client");
const emulator = require("chainhub-fal-client/emulator");
const proxy = require("chainhub-fal-client/proxy");
const types = require("chainhub-fal-client/types");
console.log(JSON.stringify({
  createClient: typeof client.createClient,
  startEmulator: typeof emulator.startEmulator,
  createProxy: typeof proxy.createProxy,
  types: typeof types,
}));
`;

const ROUND_TRIP_SCRIPT = `
import { createClient, fileFrom } from "chainhub-fal-client";
import { startEmulator } from "chainhub-fal-client/emulator";

const emulator = await startEmulator({ apiKey: "sk-old", timing: { queueMs: 0, runMs: 0 }, imageScale: 0.125 });
try {
  const client = createClient({ apiKey: "sk-old", baseUrl: emulator.url, pollIntervalMs: 10 });
  const { data } = await client.kontextMax.edit({
    prompt: "p", image: fileFrom("./in.png"), aspect_ratio: "1:1", output_format: "png",
  });
  const bytes = Buffer.from(await (await fetch(data.images[0].url)).arrayBuffer());
  console.log(JSON.stringify({
    emulated: data.emulated,
    downloaded: { signature: bytes.subarray(1, 4).toString("ascii"), width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) },
  }));
} finally {
  await emulator.close();
}
`;
