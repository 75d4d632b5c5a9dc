// The package's public entries, read from package.json `exports` so the docs and the
// undocumented-export test follow the package, never a second list that can drift.
import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Each subpath of `exports` that has TypeScript types, with the source file its `.d.ts` is built
 * from: `./dist/src/proxy/index.d.ts` comes from `src/proxy/index.ts` (tsconfig.build.json has
 * `rootDir: "."` and `outDir: "dist"`).
 * @param {string} root the repository folder
 * @returns {{ importPath: string, source: string }[]}
 */
export function readPublicEntries(root) {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const entries = [];
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    const types = typeof target === "object" && target !== null ? target.types : undefined;
    if (typeof types !== "string") continue;
    const source = types.replace(/^\.\/dist\//, "").replace(/\.d\.ts$/, ".ts");
    const importPath = subpath === "." ? pkg.name : `${pkg.name}/${subpath.slice(2)}`;
    entries.push({ importPath, source });
  }
  return entries;
}
