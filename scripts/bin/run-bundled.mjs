// Runs one of the repository's commands (`npm run generate`, `npm run diff`) from its prebuilt
// bundle: no TypeScript compiled at start-up, one TypeScript compiler loaded, and a compile
// cache; rebuilt first whenever any of its sources changed, so a developer never runs old code.
// The same commands run under tsx as scripts/generate.ts and scripts/diff.ts.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Builds the command's bundle if stale, then runs it in this process. */
export async function runBundled(command) {
  const { ensureBundle } = await import("../build-generator.mjs");
  const bundle = await ensureBundle(root, command);
  if (process.argv.includes("--debug")) {
    // Stack traces name the TypeScript sources, not the bundle. Only then: reading the 2.5 MB
    // source map costs every other run time for nothing, and Node maps only what it compiled.
    process.setSourceMapsEnabled(true);
  } else {
    const { installCompileCache } = await import("./compile-cache.mjs");
    installCompileCache(join(root, "dist/generator/compile-cache"));
  }
  createRequire(import.meta.url)(bundle);
}
