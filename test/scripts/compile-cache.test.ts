import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/run-generate.js";

/**
 * Each run is a fresh process, as each `npm run generate` is: it installs the cache, requires
 * `library.cjs` (which requires a neighbour relatively) and prints the cache's counts and what
 * the library computed.
 */
describe("the generator's compile cache", () => {
  const work = mkdtempSync(join(tmpdir(), "compile-cache-"));
  const cache = join(work, "cache");
  const library = join(work, "library.cjs");
  const runner = join(work, "run.mjs");
  writeFileSync(join(work, "neighbour.cjs"), "module.exports = 20;\n");
  writeFileSync(
    runner,
    [
      `import { createRequire } from "node:module";`,
      `import { installCompileCache } from ${JSON.stringify(pathToFileURL(join(repoRoot, "scripts/bin/compile-cache.mjs")).href)};`,
      `const stats = installCompileCache(process.argv[2]);`,
      `const value = createRequire(import.meta.url)("./library.cjs");`,
      `if (process.argv[3] === "release") {`,
      `  const { releaseMemory } = await import(${JSON.stringify(pathToFileURL(join(repoRoot, "scripts/lib/release-memory.ts")).href)});`,
      `  releaseMemory();`,
      `}`,
      `console.log(JSON.stringify({ stats, value }));`,
    ].join("\n"),
  );
  const writeLibrary = (operator: "+" | "-") =>
    writeFileSync(
      library,
      [
        "#!/usr/bin/env node",
        `const neighbour = require("./neighbour.cjs");`,
        `module.exports = { sum: neighbour ${operator} 1, file: __filename, folder: __dirname };`,
        "",
      ].join("\n"),
    );
  const run = (directory = cache, env: NodeJS.ProcessEnv = {}, ...more: string[]) => {
    const child = spawnSync(process.execPath, ["--import", "tsx", runner, directory, ...more], {
      encoding: "utf8",
      env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: "", ...env },
    });
    expect(child.stderr).toBe("");
    return JSON.parse(child.stdout) as {
      stats: { hits: number; misses: number; rejected: number };
      value: { sum: number; file: string; folder: string };
    };
  };
  const entries = () => readdirSync(cache);

  it("compiles from the cache the next run, with the module's own require and paths", () => {
    writeLibrary("+");
    const first = run();
    expect(first.stats).toEqual({ hits: 0, misses: 2, rejected: 0 });
    expect(first.value).toEqual({ sum: 21, file: library, folder: work });
    expect(entries()).toHaveLength(2);

    const second = run();
    expect(second.stats).toEqual({ hits: 2, misses: 0, rejected: 0 });
    expect(second.value).toEqual(first.value);
  });

  it("never runs an old compile of an edited file, even one of the same length", () => {
    writeLibrary("-");
    const edited = run();
    expect(edited.value.sum).toBe(19);
    expect(edited.stats).toEqual({ hits: 1, misses: 1, rejected: 0 });
    // The library's old entry is gone; its new one and the neighbour's remain.
    expect(entries()).toHaveLength(2);
    expect(run().stats.hits).toBe(2);
  });

  it("recompiles past an entry V8 rejects, and replaces it", () => {
    for (const entry of entries()) writeFileSync(join(cache, entry), "not a code cache");
    const damaged = run();
    expect(damaged.stats).toEqual({ hits: 0, misses: 0, rejected: 2 });
    expect(damaged.value.sum).toBe(19);
    expect(run().stats).toEqual({ hits: 2, misses: 0, rejected: 0 });
  });

  it("stays valid after a big run collected garbage (which sets a V8 flag for a moment)", () => {
    rmSync(cache, { recursive: true, force: true });
    expect(run(cache, {}, "release").stats.misses).toBe(2);
    expect(run().stats).toEqual({ hits: 2, misses: 0, rejected: 0 });
  });

  it("runs without it when NODE_DISABLE_COMPILE_CACHE is set or the folder cannot be written", () => {
    const disabled = run(cache, { NODE_DISABLE_COMPILE_CACHE: "1" });
    expect(disabled.stats).toEqual({ hits: 0, misses: 0, rejected: 0 });
    expect(disabled.value.sum).toBe(19);
    // A file where the folder should be: every write fails, the run does not.
    const blocked = join(work, "blocked");
    writeFileSync(blocked, "not a folder");
    const unwritable = run(join(blocked, "cache"));
    expect(unwritable.stats.misses).toBe(2);
    expect(unwritable.value.sum).toBe(19);
    expect(readFileSync(blocked, "utf8")).toBe("not a folder");
  });

  it("reports a syntax error the way Node does", () => {
    writeFileSync(library, "module.exports = {;\n");
    const child = spawnSync(process.execPath, [runner, cache], { encoding: "utf8" });
    expect(child.status).not.toBe(0);
    expect(child.stderr).toContain(library);
    expect(child.stderr).toContain("SyntaxError");
  });
});
