import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../../scripts/lib/generate.js";
import { syntheticExport } from "../../../bench/lib/synthetic-export.js";

const work = mkdtempSync(join(tmpdir(), "tree-shakable-"));

/** Generates a three-operation export in process and writes its files. */
beforeAll(async () => {
  const spec = join(work, "three.apifox.yaml");
  writeFileSync(spec, syntheticExport(3));
  const result = await generate({
    root: work,
    spec,
    refRoot: dirname(spec),
    overlays: [],
    out: join(work, "out"),
    check: false,
    infer: true,
    explain: false,
    strict: false,
    quiet: true,
  });
  for (const [name, text] of result.files!) writeFileSync(join(work, name), text);
});

/** An app's bundle, minified the way a web build makes it. */
async function bundle(source: string): Promise<string> {
  const result = await build({
    stdin: { contents: source, resolveDir: work, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

describe("generated operation descriptors", () => {
  it("let an app that hands the client one operation bundle that operation's table alone", async () => {
    const app = await bundle(
      `import { contractWith, falAiModel1EditOperation } from "./index.gen.js";
       export const contract = contractWith(falAiModel1EditOperation);`,
    );
    expect(app).toContain("/fal-ai/model-1/edit");
    expect(app).not.toContain("/fal-ai/model-0/edit");
    expect(app).not.toContain("/fal-ai/model-2/edit");
  });

  it("keep every operation in the whole contract, listed by id as before", async () => {
    const app = await bundle(`export { contract } from "./index.gen.js";`);
    for (const i of [0, 1, 2]) expect(app).toContain(`/fal-ai/model-${i}/edit`);
    const { contract, contractWith, falAiModel2EditOperation } = await import(
      join(work, "index.gen.ts")
    );
    expect(Object.keys(contract.operationTable)).toEqual([
      "falAiModel0Edit",
      "falAiModel1Edit",
      "falAiModel2Edit",
    ]);
    expect(contract.operationTable.falAiModel2Edit).toBe(falAiModel2EditOperation);
    // The same contract (servers, the document's auth) with the one operation.
    expect(contractWith(falAiModel2EditOperation)).toEqual({
      ...contract,
      operationTable: { falAiModel2Edit: falAiModel2EditOperation },
    });
  });
});
