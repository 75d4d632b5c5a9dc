import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

/** The part of TypeScript's API used here. */
interface TypeScript {
  transpileModule(
    source: string,
    options: { compilerOptions: Record<string, unknown>; fileName: string },
  ): { outputText: string };
  ModuleKind: { ESNext: number };
  ScriptTarget: { ES2022: number };
}

/**
 * Imports a generated folder that holds only TypeScript (`index.gen.ts`, as `generate` writes
 * it) from plain Node, which cannot: an installed `kontext` is JavaScript run by `node`, with
 * no loader for `.ts`. Each `*.gen.ts` is transpiled (types erased, nothing checked) by the
 * `typescript` the user's project has, which generating the folder needed, into a temporary
 * folder that is removed once the module is loaded. The files import only each other.
 */
export async function importTranspiledFolder(dir: string): Promise<Record<string, unknown>> {
  const ts = loadTypeScript(dir);
  const names = (await readdir(dir)).filter((name) => name.endsWith(".gen.ts"));
  const out = await mkdtemp(join(tmpdir(), "chainhub-contract-"));
  try {
    for (const name of names) {
      const { outputText } = ts.transpileModule(await readFile(join(dir, name), "utf8"), {
        fileName: name,
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      });
      await writeFile(join(out, name.replace(/\.ts$/, ".js")), outputText);
    }
    return (await import(pathToFileURL(join(out, "index.gen.js")).href)) as Record<string, unknown>;
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** The `typescript` installed where the folder is (the user's project), else beside this package. */
function loadTypeScript(dir: string): TypeScript {
  for (const from of [pathToFileURL(`${resolve(dir)}/`).href, import.meta.url]) {
    try {
      const ts = createRequire(from)("typescript") as Partial<TypeScript>;
      // TypeScript 7 (the native compiler) has no JS API: as good as absent here.
      if (typeof ts.transpileModule === "function") return ts as TypeScript;
    } catch {
      // Not there: try the next place.
    }
  }
  throw new Error(
    "it holds TypeScript, which node cannot import: install TypeScript 5 (npm install --save-dev typescript@5), or compile the folder so index.gen.js sits beside index.gen.ts",
  );
}
