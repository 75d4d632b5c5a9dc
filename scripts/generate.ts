/**
 * `npm run generate`: the raw apifox export in spec/ -> generated/. See scripts/README.md.
 * Exit codes: 0 written or up to date, 1 errors or stale (`--check`), 2 bad usage.
 */
import { fileURLToPath } from "node:url";
import { dirname, relative, resolve } from "node:path";
import { compareDiagnostics, formatDiagnostic } from "./lib/diagnostics.js";
import { checkDrift, formatDrift } from "./lib/write/check-drift.js";
import { generate, InputError } from "./lib/generate.js";
import { resolveOptions, UsageError, USAGE } from "./lib/options.js";
import { writeAtomically } from "./lib/write/write-atomic.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

async function main(argv: string[]): Promise<number> {
  const options = resolveOptions(argv, root);
  if (options === "help") {
    console.log(USAGE);
    return 0;
  }
  const { files, diagnostics } = await generate(options);
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
  await writeAtomically(options.out, files);
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  console.log(`wrote ${files.size} files to ${outName} (${warnings} warning(s) about the export)`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    if (error instanceof InputError) {
      console.error(error.message);
      process.exit(1);
    }
    console.error(error);
    process.exit(1);
  },
);
