// `npm run build`: compiles src/ and generated/ to dist/ (ESM, .d.ts, declaration and source
// maps) and copies the normalized contract the emulator reads. Replaces dist/ as a whole.
import { execFileSync } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
rmSync(`${root}dist`, { recursive: true, force: true });
execFileSync(
  process.execPath,
  [`${root}node_modules/typescript/bin/tsc`, "-p", `${root}tsconfig.build.json`],
  { stdio: "inherit" },
);
cpSync(`${root}generated/openapi.json`, `${root}dist/generated/openapi.json`);
console.log("built dist/");
