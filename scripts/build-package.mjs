// `npm run build`: compiles src/ and generated/ to dist/ (ESM, .d.ts, declaration and source
// maps), copies the normalized contract the emulator reads, and bundles the generator into
// dist/bin/ for the `chainhub-generate` bin. Replaces dist/ as a whole.
import { execFileSync } from "node:child_process";
import { chmodSync, cpSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
rmSync(`${root}dist`, { recursive: true, force: true });
execFileSync(
  process.execPath,
  [`${root}node_modules/typescript/bin/tsc`, "-p", `${root}tsconfig.build.json`],
  { stdio: "inherit" },
);
cpSync(`${root}generated/openapi.json`, `${root}dist/generated/openapi.json`);

// One file for the generator's own code; its libraries (openapi-typescript, ts-morph, prettier,
// yaml, jsonpath-rfc9535) stay imports, installed by the user as optional peers.
await build({
  entryPoints: [`${root}scripts/generate-bin.ts`],
  outfile: `${root}dist/bin/generate-main.mjs`,
  bundle: true,
  packages: "external",
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  logLevel: "warning",
});
cpSync(`${root}scripts/bin/chainhub-generate.mjs`, `${root}dist/bin/chainhub-generate.mjs`);
// Both bins run as commands (npx, a global install): executable, like npm's own linking makes them.
for (const bin of ["dist/bin/chainhub-generate.mjs", "dist/src/cli/main.js"])
  chmodSync(`${root}${bin}`, 0o755);
console.log("built dist/");
