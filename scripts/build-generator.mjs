// Bundles `npm run generate` (scripts/generate-repo.ts) into one CommonJS file with esbuild:
// CommonJS so that it, like the libraries it requires, goes through the compile cache
// (bin/compile-cache.mjs); Node 20 has no code cache for ES modules.
// One TypeScript compiler: openapi-typescript is bundled with its `typescript` import pointed at
// the copy ts-morph loads anyway (@ts-morph/common's), instead of loading a second one (about
// 0.3 s and 100 MB). The output is byte-identical; the drift test proves it on every run.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const TS_MORPH_TYPESCRIPT = "@ts-morph/common/dist/typescript.js";

/**
 * For an ES module bundle (the packaged bin's): CommonJS libraries are loaded with require(), not
 * import. Importing CommonJS from an ES module makes Node scan the whole file for its export
 * names and, on Node 20, sniff its module format first, which for the 9 MB TypeScript compiler
 * took a third of a cold run. Each import of one becomes a small CommonJS module that requires
 * the real one (kept external). The bundle needs a `require`: see REQUIRE_BANNER.
 */
export function requireCommonJs(libraries) {
  const names = [...libraries.keys()].map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"));
  return {
    name: "require-commonjs-libraries",
    setup(build) {
      build.onResolve({ filter: new RegExp(`^(${names.join("|")})$`) }, (args) => {
        const library = libraries.get(args.path);
        return args.kind === "require-call"
          ? { path: library, external: true }
          : { path: library, namespace: "require-commonjs" };
      });
      build.onLoad({ filter: /.*/, namespace: "require-commonjs" }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(args.path)});`,
        loader: "js",
      }));
    },
  };
}

/** The CommonJS libraries our own code imports (by name, to the module required). */
export const COMMONJS_LIBRARIES = new Map(
  [
    "ts-morph",
    "yaml",
    "js-yaml",
    // prettier's CommonJS builds (see emit/format.ts).
    "prettier/standalone",
    "prettier/plugins/estree",
    "prettier/plugins/babel",
  ].map((name) => [name, name]),
);

/**
 * The banner that gives an ES module bundle a `require` (for the libraries above). The packaged
 * bin's bundle stays an ES module: it imports openapi-typescript, a peer, whose CommonJS build a
 * CommonJS bundle would receive without its default export.
 */
export const REQUIRE_BANNER =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/**
 * openapi-typescript's entry imports Redocly's whole core for what `openapiTS()` does before its
 * transform (fetch, lint, bundle, config), none of which the generator calls: it bundles the spec
 * itself and calls the transform (emit/openapi-types.ts). Loading that core cost every run about
 * 0.25 s of CPU and 25 MB. In its place, the names openapi-typescript imports, each failing
 * loudly if ever called; Redocly's ref utilities, which the transform does use, come from
 * another path and stay the real ones. A new name imported from the core fails the build.
 */
const REDOCLY_CORE_UNUSED = {
  name: "redocly-core-unused",
  setup(build) {
    build.onResolve({ filter: /^@redocly\/openapi-core$/ }, () => ({
      path: "redocly-core",
      namespace: "redocly-core-unused",
    }));
    build.onLoad({ filter: /.*/, namespace: "redocly-core-unused" }, () => ({
      contents: [
        "const unused = (name) => function () {",
        "  throw new Error(`@redocly/openapi-core's ${name} is not in the generator's bundle (build-generator.mjs)`);",
        "};",
        ...[
          "BaseResolver",
          "Source",
          "bundle",
          "createConfig",
          "lintDocument",
          "makeDocumentFromString",
        ].map((name) => `export const ${name} = unused(${JSON.stringify(name)});`),
      ].join("\n"),
      loader: "js",
    }));
  },
};

/** The repository's commands that run from a bundle, by name: `npm run generate`, `npm run diff`. */
export const COMMANDS = { generate: "scripts/generate-repo.ts", diff: "scripts/diff.ts" };

/**
 * Builds `outfile` from `entry` (the generator by default); returns the source files it was
 * built from (relative to `root`).
 */
export async function buildGenerator(root, outfile, entry = COMMANDS.generate) {
  // Loaded only to build: a run whose bundle is current does not pay for it.
  const { build } = await import("esbuild");
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    sourcemap: true,
    metafile: true,
    // Written below, each file renamed into place: a concurrent run never imports half a file.
    write: false,
    logLevel: "warning",
    // A CommonJS bundle requires what it leaves out, so no plugin is needed here: each library
    // stays its own file (its own compile-cache entry). openapi-typescript's compiler is the one
    // ts-morph loads anyway.
    external: ["jsonpath-rfc9535", TS_MORPH_TYPESCRIPT, ...COMMONJS_LIBRARIES.keys()],
    alias: { typescript: TS_MORPH_TYPESCRIPT },
    plugins: [REDOCLY_CORE_UNUSED],
  });
  for (const file of result.outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true });
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
  // Files only: not libraries, nor a plugin's module (`namespace:path`, never on disk, would
  // make the bundle stale forever); this file too, since how it bundles shapes the bundle.
  const sources = Object.keys(result.metafile.inputs).filter(
    (file) => !file.includes("node_modules") && !/^[a-z-]+:/.test(file),
  );
  return [...sources, "scripts/build-generator.mjs"];
}

/**
 * Rebuilds the bundle of one of the repository's COMMANDS (under dist/generator/) when it is
 * stale; returns its path. Each file is replaced by a rename, so a run beside the rebuild reads
 * the old or the new one.
 */
export async function ensureBundle(root, command = "generate") {
  const bundle = join(root, `dist/generator/${command}.cjs`);
  const inputsFile = join(root, `dist/generator/${command}.inputs.json`);
  if (isStale(root, bundle, inputsFile)) {
    const inputs = await buildGenerator(root, bundle, COMMANDS[command]);
    const temporary = `${inputsFile}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(inputs, null, 1) + "\n");
    renameSync(temporary, inputsFile);
  }
  return bundle;
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
