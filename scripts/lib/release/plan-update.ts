import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { displayName } from "../build-contract.js";
import { compareDocuments } from "../diff/compare-document.js";
import { DiffInputError, loadSide } from "../diff/load-side.js";
import { locateChanges } from "../diff/locate-changes.js";
import type { DiffReport } from "../diff/report.js";
import { diffSurface } from "../diff/surface-diff.js";
import { formatDiagnostic } from "../diagnostics.js";
import type { GeneratedFiles } from "../emit/render-outputs.js";
import { resolveOptions } from "../options.js";
import { insertRelease, renderRelease, splitChangelog, unreleasedKind } from "./changelog.js";
import { pullRequestText, type PullRequestText } from "./pr-text.js";
import { readPackageFiles } from "./package-version.js";
import type { ExportBytes } from "./read-export.js";
import { renderExport } from "./render-export.js";
import { UpdateSpecError } from "./update-spec-error.js";
import { bumpVersion, decideRelease, type ReleaseDecision } from "./version-bump.js";

/** Everything a spec update writes, computed before any of it is: the command's dry run. */
export interface UpdatePlan {
  specPath: string;
  specBytes: Buffer;
  outDir: string;
  files: GeneratedFiles;
  packageJsonPath: string;
  packageJson: string;
  /** package-lock.json with the same version, as `npm version` leaves it; absent without a lock. */
  packageLock?: { path: string; text: string };
  changelogPath: string;
  changelog: string;
  from: string;
  to: string;
  decision: ReleaseDecision;
  report: DiffReport;
  pullRequest: PullRequestText;
  /** Warnings about the new export (repairs), for the console. */
  warnings: string[];
}

/**
 * Runs the generator on the new export exactly as `npm run generate` will once it is in place
 * (same name, overlays and `$ref` folder, so the same bytes), diffs it with the diff tool against
 * the export in spec/ now, and derives the version, changelog and PR text. Reads, never writes.
 * Undefined when the new export is byte for byte the one in place.
 */
export async function planUpdate(
  root: string,
  source: ExportBytes,
  date: string,
): Promise<UpdatePlan | undefined> {
  const options = resolveOptions([], root);
  if (options === "help") throw new Error("unreachable: no --help given");
  const specName = displayName(options.spec, root);
  const current = await readFile(options.spec).catch(() => {
    throw new UpdateSpecError(`${specName}: cannot read the export in place, to diff against`);
  });
  if (current.equals(source.bytes)) return undefined;

  const { document, locate, files, diagnostics } = await renderExport(
    options,
    specName,
    source.bytes,
  );

  const base = loadBase(specName, root);
  const alreadyRedundant = new Set(base.redundantOverlayActions.map((d) => d.message));
  const changes = compareDocuments(base.document, document);
  // The new export's lines are cited where the PR puts it: at the spec's own path.
  locateChanges(changes, { base: base.source, head: { file: specName, locate } });
  const report: DiffReport = {
    base: `${specName} as released`,
    head: source.label,
    changes,
    surface: diffSurface(base.document, document),
    redundantOverlayActions: diagnostics
      .filter((d) => d.code === "overlay-action-redundant" && !alreadyRedundant.has(d.message))
      .map(formatDiagnostic),
  };

  const packageFiles = await readPackageFiles(root);
  const from = packageFiles.version;
  const changelogPath = `${root}/CHANGELOG.md`;
  const changelogText = await readFile(changelogPath, "utf8").catch(() => "# Changelog\n");
  const parts = splitChangelog(changelogText);
  const decision = decideRelease(report.changes, unreleasedKind(parts.unreleased));
  const to = bumpVersion(from, decision.kind);
  const sha256 = createHash("sha256").update(source.bytes).digest("hex");
  const release = renderRelease(
    {
      version: to,
      date,
      specPath: specName,
      sourceLabel: source.label,
      sha256,
      changes: report.changes,
    },
    parts.unreleased,
  );
  return {
    specPath: options.spec,
    specBytes: source.bytes,
    outDir: options.out,
    files,
    ...packageFiles.withVersion(to),
    changelogPath,
    changelog: insertRelease(parts, release),
    from,
    to,
    decision,
    report,
    pullRequest: pullRequestText({
      specPath: specName,
      sourceLabel: source.label,
      sha256,
      from,
      to,
      decision,
      report,
    }),
    warnings: diagnostics.filter((d) => d.severity === "warning").map(formatDiagnostic),
  };
}

/** The export in place, through the diff tool's own loader (its overlays, its pipeline). */
function loadBase(specName: string, root: string) {
  try {
    return loadSide(specName, root, { kind: "default" });
  } catch (error) {
    if (error instanceof DiffInputError)
      throw new UpdateSpecError(`the export in place cannot be diffed: ${error.message}`);
    throw error;
  }
}
