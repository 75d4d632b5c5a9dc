// `npm run generate`: runs the generator from one prebuilt bundle (no TypeScript compiled at
// start-up, one TypeScript compiler loaded), rebuilt first whenever any of its sources changed,
// so a developer never runs old code. `scripts/generate.ts` is the same command under tsx.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const root = fileURLToPath(new URL("../..", import.meta.url));
const { ensureGenerator } = await import("../build-generator.mjs");
const bundle = await ensureGenerator(root);
if (process.argv.includes("--debug")) {
  // Stack traces name the TypeScript sources, not the bundle. Only then: reading the 2.5 MB
  // source map costs every other run time for nothing, and Node maps only what it compiled.
  process.setSourceMapsEnabled(true);
} else {
  const { installCompileCache } = await import("./compile-cache.mjs");
  installCompileCache(join(root, "dist/generator/compile-cache"));
}
createRequire(import.meta.url)(bundle);
