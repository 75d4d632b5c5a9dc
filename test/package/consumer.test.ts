import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { packedPackage } from "../helpers/packed-package.js";
import { repoRoot } from "../helpers/run-generate.js";

/**
 * The package as users get it: packed, installed from the tarball into a fresh project outside
 * the repository, type-checked and run there. Nothing in that project can reach back here.
 */
describe("the packed npm package in a fresh project", () => {
  const work = mkdtempSync(join(tmpdir(), "consumer-"));
  const project = join(work, "app");
  let tarball = "";

  beforeAll(async () => {
    ({ tarball } = await packedPackage());
    mkdirSync(project);
    writeFileSync(
      join(project, "package.json"),
      JSON.stringify({ name: "consumer", private: true, type: "module" }),
    );
    execFileSync(
      "npm",
      [
        "install",
        tarball,
        "typescript@5.9.3",
        "@types/node@20",
        "--no-audit",
        "--no-fund",
        "--prefer-offline",
        "--silent",
      ],
      { cwd: project, stdio: "inherit" },
    );
    writeFileSync(join(project, "consumer.ts"), CONSUMER);
    for (const resolution of ["nodenext", "bundler"]) {
      const module = resolution === "bundler" ? "esnext" : "nodenext";
      writeFileSync(
        join(project, `tsconfig.${resolution}.json`),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            noEmit: true,
            target: "es2022",
            module,
            moduleResolution: resolution,
            types: ["node"],
            lib: ["es2023", "dom"],
          },
          files: ["consumer.ts"],
        }),
      );
    }
    writeFileSync(join(project, "edit.mjs"), EDIT_SCRIPT);
  }, 180_000);

  it("passes publint and are-the-types-wrong (ESM-only profile)", () => {
    const publint = spawnSync("npx", ["publint", "--strict"], { cwd: repoRoot, encoding: "utf8" });
    expect(publint.stdout).toContain("All good!");
    const attw = spawnSync("npx", ["attw", tarball, "--profile", "esm-only"], {
      cwd: repoRoot,
      encoding: "utf8",
    });
    expect(attw.status, attw.stdout + attw.stderr).toBe(0);
  });

  it.each(["nodenext", "bundler"])(
    "type-checks under moduleResolution %s, with every wrong call still an error",
    (resolution) => {
      const tsc = spawnSync(
        process.execPath,
        [join(project, "node_modules/typescript/bin/tsc"), "-p", `tsconfig.${resolution}.json`],
        { cwd: project, encoding: "utf8" },
      );
      expect(tsc.stdout + tsc.stderr).toBe("");
      expect(tsc.status).toBe(0);
    },
  );

  it("installs the kontext command, which edits on its bundled emulator", () => {
    const bin = join(project, "node_modules/.bin/kontext");
    const help = spawnSync(bin, ["edit", "--help"], { cwd: project, encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("--aspect-ratio <21:9|16:9|4:3|3:2|1:1|2:3|3:4|9:16|9:21>");
    writeFileSync(join(project, "in.png"), Buffer.from("89504e470d0a1a0a", "hex"));
    const edit = spawnSync(
      bin,
      [
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
      ],
      { cwd: project, encoding: "utf8", env: { PATH: process.env.PATH ?? "" } },
    );
    expect(edit.stderr).toContain("COMPLETED");
    expect(edit.status).toBe(0);
    expect(readdirSync(join(project, "cli-out"))).toHaveLength(1);
  });

  it("completes an edit against the packaged emulator, from a local file to a saved image", () => {
    const run = spawnSync(process.execPath, ["edit.mjs"], {
      cwd: project,
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "" },
    });
    expect(run.stderr).toBe("");
    const report = JSON.parse(run.stdout);
    expect(report.resolvedFrom).toContain(join(project, "node_modules", "chainhub-fal-client"));
    expect(report.saved).toHaveLength(2);
    expect(report.crossEntry).toBe(true);
    expect(report.width).toBeGreaterThan(0);
    expect(readdirSync(join(project, "out")).sort()).toEqual(["edit-0.jpg", "edit-1.jpg"]);
  });

  it("ships what the build made, never the tests' generator bundles or typedoc's pages beside it in dist/", () => {
    const installed = join(project, "node_modules/chainhub-fal-client");
    // The checkout's dist/ holds dist/generator/ (this run's global setup built it) when packed.
    expect(readdirSync(join(installed, "dist")).sort()).toEqual(["bin", "generated", "js", "src"]);
  });

  it("ships each entry as one bundled file, importing only the main entry", () => {
    const installed = join(project, "node_modules/chainhub-fal-client");
    const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
    const files = Object.values(manifest.exports as Record<string, string | { default: string }>)
      .map((target) => (typeof target === "string" ? target : target.default))
      .filter((file) => file.endsWith(".js"));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of [...files, manifest.bin.kontext]) {
      const code = readFileSync(join(installed, file), "utf8");
      const relative = [...code.matchAll(/^import [^;]*? from "(\.[^"]+)"/gm)].map((m) => m[1]);
      expect(new Set(relative), file).toEqual(
        new Set(file.endsWith("/index.js") ? [] : relative.length ? ["./index.js"] : []),
      );
    }
  });

  it("says which libraries chainhub-generate needs before they are installed", () => {
    const bin = join(project, "node_modules/.bin/chainhub-generate");
    const run = spawnSync(bin, ["--spec", "x.yaml"], { cwd: project, encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /is not installed\. The generator needs: npm install --save-dev openapi-typescript/,
    );
  });

  it("installs beside an app's own TypeScript 7, or older prettier, yaml and js-yaml", () => {
    // The generator's libraries are optional peers, but npm still refuses an install whose
    // project has one outside its range: the ranges must admit what apps really have.
    // TypeScript's latest is 7 (types only: no JS API, so the generator needs openapi-typescript's
    // TypeScript 5); prettier's docs say to pin it exactly. The oldest versions admitted here
    // were checked to generate the fixtures' folders, and TypeScript 5.4 to compile a consumer.
    const apps = [
      { typescript: "7.0.2" },
      { typescript: "5.4.5", prettier: "3.0.0", yaml: "2.3.0", "js-yaml": "4.1.0" },
    ];
    for (const devDependencies of apps) {
      const dir = mkdtempSync(join(work, "pinned-"));
      writeFileSync(
        join(dir, "package.json"),
        JSON.stringify({
          name: "pinned",
          private: true,
          dependencies: { "chainhub-fal-client": `file:${tarball}` },
          devDependencies,
        }),
      );
      // Resolving the tree is where npm refuses: nothing needs downloading to show it.
      const npm = spawnSync(
        "npm",
        [
          "install",
          "--package-lock-only",
          "--ignore-scripts",
          "--no-audit",
          "--no-fund",
          "--prefer-offline",
        ],
        { cwd: dir, encoding: "utf8" },
      );
      expect(npm.stderr).not.toContain("ERESOLVE");
      expect(npm.status, npm.stderr).toBe(0);
    }
  }, 120_000);

  it("brings its own spec: chainhub-generate, then createClient({ contract }) typed and run from it", () => {
    // The generator's libraries are optional peers: a project that generates installs them.
    const declared = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));
    // typescript is installed already; the rest at the versions this repository tests with.
    const peers = Object.keys(declared.peerDependencies)
      .filter((name) => name !== "typescript")
      .map(
        (name) =>
          `${name}@${JSON.parse(readFileSync(join(repoRoot, "node_modules", name, "package.json"), "utf8")).version}`,
      );
    execFileSync(
      "npm",
      [
        "install",
        "--save-dev",
        ...peers,
        "--no-audit",
        "--no-fund",
        "--prefer-offline",
        "--silent",
      ],
      { cwd: project, stdio: "inherit" },
    );
    for (const file of ["task-api.apifox.yaml", "task-api.overlay.yaml"])
      cpSync(join(repoRoot, "test/fixtures/specs", file), join(project, file));
    const generate = (...more: string[]) =>
      spawnSync(
        join(project, "node_modules/.bin/chainhub-generate"),
        [
          "--spec",
          "task-api.apifox.yaml",
          "--overlay",
          "task-api.overlay.yaml",
          "--out",
          "src/api",
          ...more,
        ],
        { cwd: project, encoding: "utf8" },
      );
    const first = generate();
    expect(first.stderr + first.stdout).toContain("wrote 4 files to src/api");
    expect(first.status).toBe(0);
    // The first run left a compile cache where tools keep theirs; the next run uses it.
    const cache = join(project, "node_modules/.cache/chainhub-generate");
    expect(readdirSync(cache).length).toBeGreaterThan(10);
    const again = generate("--check");
    expect(again.stderr + again.stdout).toContain("up to date");
    expect(again.status).toBe(0);

    // The installed kontext is plain Node, with no loader for the folder's TypeScript: it
    // transpiles it with the project's typescript (documented: kontext --contract src/api).
    const operations = spawnSync(
      join(project, "node_modules/.bin/kontext"),
      ["--contract", "src/api", "operations"],
      { cwd: project, encoding: "utf8" },
    );
    expect(operations.stderr).toBe("");
    expect(operations.stdout).toMatch(/^v1VideosText2video +POST \/v1\/videos\/text2video$/m);
    expect(operations.status).toBe(0);

    writeFileSync(join(project, "byo.ts"), BRING_YOUR_OWN);
    writeFileSync(
      join(project, "tsconfig.byo.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          outDir: "build",
          target: "es2022",
          module: "nodenext",
          moduleResolution: "nodenext",
          types: ["node"],
          lib: ["es2023", "dom"],
          skipLibCheck: true,
        },
        files: ["byo.ts"],
      }),
    );
    const tsc = spawnSync(
      process.execPath,
      [join(project, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.byo.json"],
      { cwd: project, encoding: "utf8" },
    );
    expect(tsc.stdout + tsc.stderr).toBe("");
    const run = spawnSync(process.execPath, ["build/byo.js"], {
      cwd: project,
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "" },
    });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({
      videos: true,
      statuses: ["processing", "succeed"],
      models: true,
      refused: [{ path: "duration", message: "must be <= 10, got 60" }],
      unknown:
        'unknown operation "falAiFluxProKontextMax"; known: v1VideosText2video, getV1VideosText2videoByTaskId, deleteV1VideosText2videoByTaskId, getV1Models',
    });
  }, 240_000);
});

/** A user's own relay export, generated into src/api and called through the packaged facade. */
const BRING_YOUR_OWN = `
import { readFileSync } from "node:fs";
import { createClient, ValidationError } from "chainhub-fal-client";
import { startEmulator } from "chainhub-fal-client/emulator";
import { contract, type V1VideosText2videoOutput } from "./src/api/index.gen.js";

const document = JSON.parse(readFileSync("src/api/openapi.json", "utf8"));
const emulator = await startEmulator({ apiKey: "sk-own", spec: { contract, document }, timing: { queueMs: 0, runMs: 0, queuePolls: 1, runPolls: 1 } });
const client = createClient({ contract, apiKey: "sk-own", baseUrl: emulator.url, pollIntervalMs: 5 });

const statuses: string[] = [];
const { data } = await client.run("v1VideosText2video", { prompt: "a cat surfing", duration: 5 }, {
  onProgress: (p) => { if (!statuses.includes(p.status)) statuses.push(p.status); },
});
const typed: V1VideosText2videoOutput = data;
const models = await client.request("GET /v1/models", { params: { query: { limit: 10 } } });

// @ts-expect-error the bundled spec's model is not an operation of this one
void client.run("falAiFluxProKontextMax", { prompt: "x" }).catch(() => {});
// @ts-expect-error duration is a number in this spec
void client.run("v1VideosText2video", { prompt: "x", duration: "5" }).catch(() => {});

const refused = await client.run("v1VideosText2video", { prompt: "x", duration: 60 }).catch((e: unknown) => e);
const unknown = await (client.request as (name: string) => Promise<unknown>)("falAiFluxProKontextMax").catch((e: unknown) => e);
console.log(JSON.stringify({
  videos: Array.isArray(typed?.videos),
  statuses,
  models: Array.isArray((models.data as { data?: unknown[] }).data) || typeof models.data === "object",
  refused: refused instanceof ValidationError ? refused.issues : String(refused),
  unknown: unknown instanceof Error ? unknown.message : String(unknown),
}));
await emulator.close();
`;

const CONSUMER = `
import { createClient, ValidationError } from "chainhub-fal-client";
import type { FalAiFluxProKontextMaxInput, FalAiFluxProKontextMaxOutput } from "chainhub-fal-client/types";
import { startEmulator } from "chainhub-fal-client/emulator";

const emulator = await startEmulator({ apiKey: "sk-consumer" });
const client = createClient({ apiKey: "sk-consumer", baseUrl: emulator.url, maxRetries: 2, timeoutMs: 10_000 });
const body: FalAiFluxProKontextMaxInput = { prompt: "p", image_url: "https://x.test/a.png", output_format: "png", aspect_ratio: "16:9" };
const run = await client.run("falAiFluxProKontextMax", body);
const output: FalAiFluxProKontextMaxOutput = run.data;
console.log(output.images[0]?.url, ValidationError.name);

// @ts-expect-error unknown enum value
const badRatio: FalAiFluxProKontextMaxInput = { ...body, aspect_ratio: "5:4" };
// @ts-expect-error missing required field prompt
const noPrompt: FalAiFluxProKontextMaxInput = { image_url: "x", output_format: "jpeg" };
// @ts-expect-error misspelled option (pollInterval instead of pollIntervalMs)
createClient({ apiKey: "k", pollInterval: 10 });
// @ts-expect-error unknown operation
void client.run("falAiNoSuchModel", body);
console.log(badRatio, noPrompt);
`;

const EDIT_SCRIPT = `
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { ConfigurationError, createClient, fileFrom, saveImages } from "chainhub-fal-client";
import { startEmulator } from "chainhub-fal-client/emulator";
import { createProxy } from "chainhub-fal-client/proxy";

const emulator = await startEmulator({ apiKey: "sk-consumer", timing: { queueMs: 20, runMs: 20 }, imageScale: 0.25 });
try {
  writeFileSync("input.png", Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"));
  const client = createClient({ apiKey: "sk-consumer", baseUrl: emulator.url, pollIntervalMs: 10 });
  const { data } = await client.kontextMax.edit({ prompt: "Add snow", image: fileFrom("./input.png"), num_images: 2 });
  const saved = await saveImages(data, "out", { prefix: "edit" });
  const resolvedFrom = import.meta.resolve("chainhub-fal-client");
  // No key in the environment: the proxy entry throws the main entry's ConfigurationError.
  const crossEntry = (() => { try { createProxy({}); } catch (e) { return e instanceof ConfigurationError; } })();
  console.log(JSON.stringify({ saved: saved.map((s) => s.path), width: data.images[0].width, resolvedFrom: new URL(resolvedFrom).pathname, crossEntry }));
} finally {
  await emulator.close();
}
`;
