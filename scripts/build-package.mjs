// `npm run build`: what the package publishes, into dist/ (each folder below replaced as a whole;
// the rest of dist/ is someone else's: typedoc's dist/docs, the tests' dist/generator bundles):
// - dist/js/: one bundled ESM file per package entry (".", "./types", "./emulator", "./proxy",
//   the kontext bin): one file to load instead of a tree of modules, for a faster cold import.
//   openapi-fetch stays an import (a dependency: its types are part of ours).
// - dist/src/, dist/generated/: the .d.ts files and declaration maps, as tsc writes them.
// - dist/generated/openapi.json: the normalized contract, the package's "./openapi.json".
// - dist/bin/: the generator in one file for the `chainhub-generate` bin.
import { execFileSync } from "node:child_process";
import { chmodSync, cpSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { COMMONJS_LIBRARIES, REQUIRE_BANNER, requireCommonJs } from "./build-generator.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
for (const folder of ["js", "src", "generated", "bin"])
  rmSync(`${root}dist/${folder}`, { recursive: true, force: true });
execFileSync(
  process.execPath,
  [`${root}node_modules/typescript/bin/tsc`, "-p", `${root}tsconfig.build.json`],
  { stdio: "inherit" },
);
cpSync(`${root}generated/openapi.json`, `${root}dist/generated/openapi.json`);

const entryBuild = {
  outdir: `${root}dist/js`,
  bundle: true,
  packages: "external",
  platform: "node",
  format: "esm",
  target: "es2022",
  sourcemap: true,
  // The maps point into src/, which ships: no second copy of every source inside them.
  sourcesContent: false,
  logLevel: "warning",
};
// dist/js/ sits two levels below the package root, like src/internal/: the emulator finds
// generated/openapi.json (shipped) by the same relative URL from either place.
await build({ ...entryBuild, entryPoints: { index: `${root}src/index.ts` } });

/**
 * The other entries are one file each too, but take the error classes from the main entry
 * (which exports every one), so `instanceof ConfigurationError` holds whichever entry threw it.
 */
const errorsFromMainEntry = {
  name: "errors-from-main-entry",
  setup(build) {
    build.onResolve({ filter: /\/errors\/[a-z-]+\.js$/ }, (args) =>
      args.importer.startsWith(`${root}src/`) ? { path: "./index.js", external: true } : undefined,
    );
  },
};
await build({
  ...entryBuild,
  entryPoints: {
    types: `${root}generated/index.gen.ts`,
    emulator: `${root}src/emulator/index.ts`,
    proxy: `${root}src/proxy/index.ts`,
    cli: `${root}src/cli/main.ts`,
  },
  plugins: [errorsFromMainEntry],
});

// One file for the generator's own code; its libraries (openapi-typescript, ts-morph, prettier,
// yaml, jsonpath-rfc9535) stay imports, installed by the user as optional peers.
await build({
  entryPoints: [`${root}scripts/generate-bin.ts`],
  outfile: `${root}dist/bin/generate-main.mjs`,
  bundle: true,
  packages: "external",
  // ts-morph and yaml through require(): a faster start (see build-generator.mjs).
  plugins: [requireCommonJs(COMMONJS_LIBRARIES)],
  banner: { js: REQUIRE_BANNER },
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  // Line numbers for --debug stack traces; the generator's sources do not ship.
  sourcesContent: false,
  logLevel: "warning",
});
for (const file of ["chainhub-generate.mjs", "compile-cache.mjs"])
  cpSync(`${root}scripts/bin/${file}`, `${root}dist/bin/${file}`);
// Both bins run as commands (npx, a global install): executable, like npm's own linking makes them.
for (const bin of ["dist/bin/chainhub-generate.mjs", "dist/js/cli.js"])
  chmodSync(`${root}${bin}`, 0o755);
console.log("built dist/");
