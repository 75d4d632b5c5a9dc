import { join } from "node:path";
import { MANIFEST_NAME, readManifest } from "../write/output-manifest.js";
import { writeOwnedFiles } from "../write/write-owned.js";
import { replaceFile, takeSnapshot } from "./file-snapshot.js";
import type { UpdatePlan } from "./plan-update.js";

/**
 * Writes a planned update: the spec, then generated/ (through the generator's own writer, which
 * touches only files its manifest lists), then package.json and its lock, then CHANGELOG.md.
 * Every file any step may touch is read first; if a step fails, all of them are put back as they
 * were, so they never disagree (a new spec with old generated code, a version without its entry).
 * A process killed midway is not covered: it leaves what was written so far.
 */
export async function applyUpdate(plan: UpdatePlan, root: string): Promise<void> {
  const manifest = await readManifest(plan.outDir);
  const generatedNames = new Set([...(manifest?.files ?? []), ...plan.files.keys(), MANIFEST_NAME]);
  const snapshot = await takeSnapshot([
    plan.specPath,
    ...[...generatedNames].map((name) => join(plan.outDir, name)),
    plan.packageJsonPath,
    ...(plan.packageLock ? [plan.packageLock.path] : []),
    plan.changelogPath,
  ]);
  try {
    await replaceFile(plan.specPath, plan.specBytes);
    await writeOwnedFiles(plan.outDir, root, plan.files);
    await replaceFile(plan.packageJsonPath, plan.packageJson);
    if (plan.packageLock) await replaceFile(plan.packageLock.path, plan.packageLock.text);
    await replaceFile(plan.changelogPath, plan.changelog);
  } catch (error) {
    await snapshot.restore();
    throw error;
  }
}
