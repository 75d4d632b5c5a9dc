import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error a plain .mjs build script, without types
import { buildGenerator, isStale } from "../../scripts/build-generator.mjs";
import { repoRoot } from "../helpers/run-generate.js";

describe("npm run generate from its prebuilt bundle", () => {
  // Inside the repository: the bundle imports its libraries from node_modules/.
  const cache = join(repoRoot, "node_modules/.cache");
  mkdirSync(cache, { recursive: true });
  const work = mkdtempSync(join(cache, "generator-bundle-"));
  const bundle = join(work, "generate.cjs");

  it("builds one bundle that writes the same bytes as the TypeScript sources", async () => {
    const inputs: string[] = await buildGenerator(repoRoot, bundle);
    expect(inputs).toContain("scripts/generate-repo.ts");
    expect(inputs.every((file) => !file.includes("node_modules"))).toBe(true);
    // Every input is a file: a virtual one would make the bundle stale forever, rebuilt each run.
    const inputsFile = join(work, "fresh-inputs.json");
    writeFileSync(inputsFile, JSON.stringify(inputs));
    expect(isStale(repoRoot, bundle, inputsFile)).toBe(false);
    // CommonJS libraries are required, not imported (no export scan of the 9 MB compiler).
    const code = readFileSync(bundle, "utf8");
    expect(code).toContain('require("@ts-morph/common/dist/typescript.js")');
    expect(code).toContain('require("prettier/plugins/babel")');
    expect(code).not.toMatch(/^import .* from "(ts-morph|typescript|yaml|prettier.*)"/m);
    // --check compares every generated file byte for byte with generated/.
    const run = spawnSync(process.execPath, [bundle, "--check"], {
      cwd: repoRoot,
      encoding: "utf8",
    });
    expect(run.stdout + run.stderr).toContain("generated is up to date (4 files)");
    expect(run.status).toBe(0);
  }, 60_000);

  it("is rebuilt when a source is newer than it, or gone", () => {
    const inputs = join(work, "inputs.json");
    writeFileSync(inputs, JSON.stringify(["scripts/lib/emit/banner.ts"]));
    const long = new Date("2000-01-01");
    const future = new Date(Date.now() + 86_400_000);
    utimesSync(bundle, future, future);
    expect(isStale(repoRoot, bundle, inputs)).toBe(false);
    utimesSync(bundle, long, long);
    expect(isStale(repoRoot, bundle, inputs)).toBe(true);
    utimesSync(bundle, future, future);
    writeFileSync(inputs, JSON.stringify(["scripts/lib/no-such-file.ts"]));
    expect(isStale(repoRoot, bundle, inputs)).toBe(true);
    expect(isStale(repoRoot, join(work, "missing.cjs"), inputs)).toBe(true);
  });
});
