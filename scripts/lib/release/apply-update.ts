import { join } from "node:path";
import { MANIFEST_NAME, readManifest } from "../write/output-manifest.js";
import { writeOwnedFiles } from "../write/write-owned.js";
import { replaceFile } from "./replace-file.js";
import type { UpdatePlan } from "./plan-update.js";
import { beginJournal, type PlannedWrite } from "./update-journal.js";

/**
 * Writes a planned update: the spec, then generated/ (through the generator's own writer, which
 * touches only files its manifest lists), then package.json and its lock, then CHANGELOG.md.
 * The old bytes of every file any step may touch go to a journal on disk first; if a step fails,
 * all of them are put back at once, and if the process is killed midway the next run puts them
 * back (recoverInterruptedUpdate), so they never disagree (a new spec with old generated code,
 * a version without its changelog entry).
 */
export async function applyUpdate(plan: UpdatePlan, root: string): Promise<void> {
  const journal = await beginJournal(root, await plannedWrites(plan));
  try {
    await replaceFile(plan.specPath, plan.specBytes);
    await writeOwnedFiles(plan.outDir, root, plan.files);
    await replaceFile(plan.packageJsonPath, plan.packageJson);
    if (plan.packageLock) await replaceFile(plan.packageLock.path, plan.packageLock.text);
    await replaceFile(plan.changelogPath, plan.changelog);
  } catch (error) {
    await journal.rollBack();
    throw error;
  }
  await journal.finish();
}

async function plannedWrites(plan: UpdatePlan): Promise<PlannedWrite[]> {
  const previous = (await readManifest(plan.outDir))?.files ?? [];
  return [
    { path: plan.specPath, bytes: plan.specBytes },
    // Files of the old manifest that this run no longer produces are removed: no bytes planned.
    ...previous.map((name) => ({ path: join(plan.outDir, name) })),
    ...[...plan.files].map(([name, text]) => ({ path: join(plan.outDir, name), bytes: text })),
    // Written twice (widened, then narrowed): any content of it is the generator's own.
    { path: join(plan.outDir, MANIFEST_NAME) },
    { path: plan.packageJsonPath, bytes: plan.packageJson },
    ...(plan.packageLock ? [{ path: plan.packageLock.path, bytes: plan.packageLock.text }] : []),
    { path: plan.changelogPath, bytes: plan.changelog },
  ];
}
