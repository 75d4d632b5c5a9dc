import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { buildContract } from "../../scripts/lib/build-contract.js";
import { Diagnostics, type Diagnostic } from "../../scripts/lib/diagnostics.js";
import { provenanceOf } from "../../scripts/lib/emit/banner.js";
import { diskReader } from "../../scripts/lib/load/spec-files.js";
import { renderOutputs } from "../../scripts/lib/emit/render-outputs.js";

export interface GeneratedFolder {
  /** The folder the files were written to; undefined when errors stopped generation. */
  folder: string | undefined;
  diagnostics: Diagnostic[];
}

/**
 * Runs the whole pipeline in this process on a spec's text and writes the generated files to
 * a fresh temporary folder, so a test can type-check them (`typecheckStrict`).
 */
export async function generateText(
  text: string,
  name = "spec.yaml",
  /** The spec's absolute path, when it refers to files next to it. */
  path?: string,
): Promise<GeneratedFolder> {
  const spec = { name, text, ...(path ? { id: path } : {}) };
  const contract = buildContract(
    spec,
    [],
    path ? { reader: diskReader(dirname(path), basename) } : {},
  );
  const diagnostics = contract.diagnostics;
  if (!contract.document || diagnostics.some((d) => d.severity === "error"))
    return { folder: undefined, diagnostics };
  const emit = new Diagnostics(name);
  const files = await renderOutputs(contract.document, provenanceOf(spec, []), emit);
  diagnostics.push(...emit.items);
  if (emit.errors.length > 0) return { folder: undefined, diagnostics };
  const folder = mkdtempSync(join(tmpdir(), "generated-"));
  for (const [file, content] of files) writeFileSync(join(folder, file), content);
  return { folder, diagnostics };
}
