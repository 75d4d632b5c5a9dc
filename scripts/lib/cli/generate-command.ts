/**
 * The generate command, shared by `npm run generate` (this repository, paths from its root) and
 * the packaged `chainhub-generate` bin (a user's project, paths from the working folder).
 * Exit codes: 0 written or up to date, 1 the export has errors or the output is stale
 * (`--check`), 2 bad usage or an unreadable input file. `--debug` shows an internal error's stack.
 */
import { relative } from "node:path";
import { compareDiagnostics, formatDiagnostic } from "../diagnostics.js";
import { checkDrift, formatDrift } from "../write/check-drift.js";
import { generate, InputError } from "../generate.js";
import { explainInferences } from "../infer/explain.js";
import { resolveOptions, UsageError, type GenerateOptions } from "../options.js";
import { watchAndGenerate } from "./watch.js";
import { OutFolderError } from "../write/out-folder-guard.js";
import { writeOwnedFiles } from "../write/write-owned.js";
import { readFormatMemo, saveFormatMemo, type FormatMemoPlace } from "../write/format-memo-file.js";

export interface GenerateEntry {
  usage: string;
  /** The packaged bin has no default export to read: `--spec` must be given. */
  requireSpec: boolean;
  /**
   * Where formatted texts are remembered between runs (write/format-memo-file.ts); none when
   * undefined. The repository's bundled command keeps it beside its compile cache.
   */
  formatMemo?: FormatMemoPlace;
}

/** Runs the command and exits the process with its code. */
export function runGenerateCommand(argv: string[], root: string, entry: GenerateEntry): void {
  const debug = argv.includes("--debug");
  generateCommand(
    argv.filter((arg) => arg !== "--debug"),
    root,
    entry,
  ).then(
    (code) => process.exit(code),
    (error: unknown) => {
      // A user's mistake is one line; anything else is ours, with the stack behind --debug.
      if (
        error instanceof UsageError ||
        error instanceof InputError ||
        error instanceof OutFolderError
      ) {
        console.error(
          `generate: ${error.message}${error instanceof UsageError ? " (see --help)" : ""}`,
        );
        process.exit(2);
      }
      console.error(
        debug
          ? error
          : `generate: internal error: ${String((error as Error)?.message ?? error).split("\n")[0]} (--debug shows the stack trace)`,
      );
      process.exit(1);
    },
  );
}

async function generateCommand(
  argv: string[],
  root: string,
  entry: GenerateEntry,
): Promise<number> {
  const options = resolveOptions(argv, root, entry.requireSpec);
  if (options === "help") {
    console.log(entry.usage);
    return 0;
  }
  if (options.watch)
    return watchAndGenerate(
      options,
      () => resolveOptions(argv, root, entry.requireSpec),
      (resolved, onReferences) => generateOnce(resolved, entry.formatMemo, onReferences),
    );
  return generateOnce(options, entry.formatMemo);
}

async function generateOnce(
  options: GenerateOptions,
  place?: FormatMemoPlace,
  /** Told the files the spec's `$ref`s named, failed run or not (`--watch` follows them). */
  onReferences?: (files: string[]) => void,
): Promise<number> {
  const memo = place ? await readFormatMemo(place, options.spec) : undefined;
  const { files, diagnostics, document, referencedFiles } = await generate(options, memo);
  onReferences?.(referencedFiles);
  if (place && memo && files) await saveFormatMemo(place, options.spec, memo);
  if (options.explain) process.stdout.write(explainInferences(diagnostics, document));
  // --check runs in CI and hooks: the export's known defects are summarized, not repeated.
  const terse = options.quiet || (options.check && !options.strict);
  const shown = terse ? diagnostics.filter((d) => d.severity === "error") : diagnostics;
  for (const diagnostic of [...shown].sort(compareDiagnostics))
    console.error(formatDiagnostic(diagnostic));
  const outName = relative(process.cwd(), options.out) || ".";
  if (!files) {
    const strictNote = options.strict ? " (--strict: warnings count as errors)" : "";
    console.error(`generation failed${strictNote}; ${outName} was not touched`);
    return 1;
  }
  if (options.check) {
    const drift = await checkDrift(options.out, files);
    if (drift.length > 0) {
      console.error(formatDrift(outName, drift));
      return 1;
    }
    console.log(`${outName} is up to date (${files.size} files)`);
    return 0;
  }
  await writeOwnedFiles(options.out, options.root, files);
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  const infos = diagnostics.filter((d) => d.severity === "info").length;
  console.log(
    `wrote ${files.size} files to ${outName} (${warnings} warning(s) about the export, ${infos} note(s))`,
  );
  return 0;
}
