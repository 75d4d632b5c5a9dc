import { readFile, realpath } from "node:fs/promises";
import { dirname } from "node:path";
import { diskReader } from "./load/spec-files.js";
import {
  buildContract,
  diagnosticsAt,
  displayName,
  referencedFileName,
  type SourceText,
} from "./build-contract.js";
import { Diagnostics, type Diagnostic } from "./diagnostics.js";
import type { Contract } from "./build-contract.js";
import { provenanceOf } from "./emit/banner.js";
import { renderOutputs, type GeneratedFiles } from "./emit/render-outputs.js";
import type { FormatMemo } from "./emit/format-memo.js";
import type { GenerateOptions } from "./options.js";
import type { JsonObject } from "./openapi-walk.js";

export interface GenerateResult {
  /** Undefined when errors (or warnings under `--strict`) stopped the run. */
  files: GeneratedFiles | undefined;
  diagnostics: Diagnostic[];
  /** The normalized contract, when the pipeline got that far. */
  document?: JsonObject;
  /** Every file the spec's `$ref`s name, read or missing (absolute): what `--watch` follows. */
  referencedFiles: string[];
}

/** Reads the inputs and runs every stage; writes nothing. */
export async function generate(
  options: GenerateOptions,
  /** Formatted texts from an earlier run: what it holds is not formatted again. */
  formatMemo?: FormatMemo,
): Promise<GenerateResult> {
  const spec = await readSource(options.spec, options.root);
  const overlays = await Promise.all(
    options.overlays.map((file) => readSource(file, options.root)),
  );
  const named = new Set<string>();
  const contractOptions = {
    reader: diskReader(
      options.refRoot,
      referencedFileName(options.root, dirname(spec.id ?? options.spec)),
      named,
    ),
    infer: options.infer,
  };
  const contract = buildContract(spec, overlays, contractOptions);
  const diagnostics = contract.diagnostics;
  const blocked = diagnostics.some(
    (d) => d.severity === "error" || (options.strict && d.severity === "warning"),
  );
  if (!contract.document || blocked)
    return {
      files: undefined,
      diagnostics,
      ...(contract.document ? { document: contract.document } : {}),
      referencedFiles: [...named],
    };
  const emitDiagnostics = new Diagnostics(spec.name);
  const files = await renderOutputs(
    contract.document,
    provenanceOf(spec, overlays),
    emitDiagnostics,
    undefined,
    formatMemo,
  );
  diagnostics.push(
    ...withLines(emitDiagnostics.items, () =>
      buildContract(spec, overlays, { ...contractOptions, keepLines: true }),
    ),
  );
  return {
    files: emitDiagnostics.errors.length > 0 ? undefined : files,
    diagnostics,
    document: contract.document,
    referencedFiles: [...named],
  };
}

async function readSource(path: string, root: string): Promise<SourceText> {
  const name = displayName(path, root);
  try {
    return { name, text: await readFile(path, "utf8"), id: await realpath(path) };
  } catch (error) {
    throw new InputError(
      `${name}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
}

/** An input file that cannot be read: a user error, reported without a stack trace. */
export class InputError extends Error {}

/**
 * The emit stage's diagnostics point into the contract, whose lines were let go to keep the
 * render's memory down. The only ones it raises stop the run (a generated-name clash), so their
 * lines come from building the contract again, on that failure path only.
 */
function withLines(items: Diagnostic[], rebuild: () => Contract): Diagnostic[] {
  if (!items.some((d) => d.location.pointer !== undefined && d.location.line === undefined))
    return items;
  const again = rebuild();
  if (!again.sourceMap || !again.locate) return items;
  const located = diagnosticsAt(items[0]!.location.file, again.sourceMap, again.locate);
  for (const d of items) {
    const at = d.location.line !== undefined ? { line: d.location.line } : {};
    const pointer = d.location.pointer !== undefined ? { pointer: d.location.pointer } : {};
    located[d.severity === "warning" ? "warn" : d.severity](d.code, d.message, {
      ...at,
      ...pointer,
    });
  }
  return located.items;
}
