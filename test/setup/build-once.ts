import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { repoRoot } from "../helpers/run-generate.js";
// @ts-expect-error a plain .mjs build script, without types
import { ensureBundle } from "../../scripts/build-generator.mjs";

/**
 * Once per run, before any worker starts: builds the bundles behind `npm run generate` and `npm run diff`
 * (otherwise the first tests of each worker race to rebuild it), and makes the run's shared
 * folder, where the first test that needs the packed package packs it for all.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  await Promise.all([ensureBundle(repoRoot, "generate"), ensureBundle(repoRoot, "diff")]);
  const runDir = mkdtempSync(join(tmpdir(), "chainhub-test-run-"));
  project.provide("runDir", runDir);
  return () => rmSync(runDir, { recursive: true, force: true });
}
