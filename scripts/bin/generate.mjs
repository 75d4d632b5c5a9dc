// `npm run generate`: runs the generator from one prebuilt bundle (no TypeScript compiled at
// start-up, one TypeScript compiler loaded), rebuilt first whenever any of its sources changed,
// so a developer never runs old code. `scripts/generate.ts` is the same command under tsx.
import { renameSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { join } from "node:path";

const root = fileURLToPath(new URL("../..", import.meta.url));
const bundle = join(root, "dist/generator/generate.mjs");
const inputsFile = join(root, "dist/generator/inputs.json");

const { buildGenerator, isStale } = await import("../build-generator.mjs");
if (isStale(root, bundle, inputsFile)) {
  const inputs = await buildGenerator(root, bundle);
  const temporary = `${inputsFile}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(inputs, null, 1) + "\n");
  renameSync(temporary, inputsFile);
}
// `--debug` stack traces name the TypeScript sources, not the bundle. Only then: reading the
// 2.5 MB source map costs every other run time for nothing.
if (process.argv.includes("--debug")) process.setSourceMapsEnabled(true);
await import(pathToFileURL(bundle).href);
