// Bundles `npm run generate` (scripts/generate-repo.ts) into one ES module with esbuild.
// One TypeScript compiler: openapi-typescript is bundled with its `typescript` import pointed at
// the copy ts-morph loads anyway (@ts-morph/common's), instead of loading a second one (about
// 0.3 s and 100 MB). The output is byte-identical; the drift test proves it on every run.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const TS_MORPH_TYPESCRIPT = "@ts-morph/common/dist/typescript.js";

/** Builds `outfile`; returns the source files it was built from (relative to `root`). */
export async function buildGenerator(root, outfile) {
  // Loaded only to build: a run whose bundle is current does not pay for it.
  const { build } = await import("esbuild");
  const result = await build({
    absWorkingDir: root,
    entryPoints: ["scripts/generate-repo.ts"],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: true,
    metafile: true,
    // Written below, each file renamed into place: a concurrent run never imports half a file.
    write: false,
    logLevel: "warning",
    alias: { typescript: TS_MORPH_TYPESCRIPT },
    external: ["prettier", "yaml", "jsonpath-rfc9535", "ts-morph", TS_MORPH_TYPESCRIPT],
    // openapi-typescript's dependencies use require(); give the bundle one.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
  for (const file of result.outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true });
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
  return Object.keys(result.metafile.inputs).filter((file) => !file.includes("node_modules"));
}

/**
 * Whether the bundle must be rebuilt: it or its list of sources is missing, or a source it was
 * built from is newer than it or gone. (A new source file is imported by an edited one.)
 */
export function isStale(root, bundle, inputsFile) {
  if (!existsSync(bundle) || !existsSync(inputsFile)) return true;
  const built = statSync(bundle).mtimeMs;
  const inputs = JSON.parse(readFileSync(inputsFile, "utf8"));
  return inputs.some((file) => {
    const path = join(root, file);
    return !existsSync(path) || statSync(path).mtimeMs > built;
  });
}
