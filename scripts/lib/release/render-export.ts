import { readFile, realpath } from "node:fs/promises";
import { dirname } from "node:path";
import {
  buildContract,
  displayName,
  referencedFileName,
  type SourceText,
} from "../build-contract.js";
import { Diagnostics, formatDiagnostic, type Diagnostic } from "../diagnostics.js";
import { provenanceOf } from "../emit/banner.js";
import { renderOutputs, type GeneratedFiles } from "../emit/render-outputs.js";
import { diskReader } from "../load/spec-files.js";
import type { JsonObject } from "../openapi-walk.js";
import type { GenerateOptions } from "../options.js";
import { UpdateSpecError } from "./update-spec-error.js";

export interface RenderedExport {
  document: JsonObject;
  /** The line of a pointer in the new export, for the diff's `where`. */
  locate: (pointer: string) => number | undefined;
  files: GeneratedFiles;
  diagnostics: Diagnostic[];
}

/**
 * What `npm run generate` will write once the new export is in place, before it is: the same
 * stages, the same source name (the banner and diagnostics cite it), overlays and `$ref` folder,
 * so the same bytes. Errors stop the update before anything is written.
 */
export async function renderExport(
  options: GenerateOptions,
  specName: string,
  bytes: Buffer,
): Promise<RenderedExport> {
  const spec: SourceText = {
    name: specName,
    text: bytes.toString("utf8"),
    id: await realpath(options.spec),
  };
  const overlays = await Promise.all(
    options.overlays.map(async (path) => ({
      name: displayName(path, options.root),
      text: await readFile(path, "utf8"),
    })),
  );
  const contract = buildContract(spec, overlays, {
    reader: diskReader(
      options.refRoot,
      referencedFileName(options.root, dirname(spec.id ?? options.spec)),
    ),
    infer: options.infer,
    // The diff in the PR text cites the new export's lines.
    keepLines: true,
  });
  const errors = contract.diagnostics.filter((d) => d.severity === "error");
  if (!contract.document || errors.length > 0) throw notGenerated(errors.map(formatDiagnostic));
  const emitDiagnostics = new Diagnostics(spec.name);
  const files = await renderOutputs(
    contract.document,
    provenanceOf(spec, overlays),
    emitDiagnostics,
  );
  if (emitDiagnostics.errors.length > 0)
    throw notGenerated(emitDiagnostics.errors.map(formatDiagnostic));
  return {
    document: contract.document,
    locate: contract.locate ?? (() => undefined),
    files,
    diagnostics: contract.diagnostics,
  };
}

function notGenerated(errors: string[]): UpdateSpecError {
  return new UpdateSpecError(
    `the new export does not generate; nothing was written:\n${errors.join("\n")}`,
    1,
  );
}
