import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { repoRoot } from "../helpers/run-generate.js";
// @ts-expect-error a plain .mjs build script, without types
import { ensureGenerator } from "../../scripts/build-generator.mjs";

/**
 * Once per run, before any worker starts: builds the generator bundle behind `npm run generate`
 * (otherwise the first tests of each worker race to rebuild it), and makes the run's shared
 * folder, where the first test that needs the packed package packs it for all.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  await ensureGenerator(repoRoot);
  const runDir = mkdtempSync(join(tmpdir(), "chainhub-test-run-"));
  project.provide("runDir", runDir);
  return () => rmSync(runDir, { recursive: true, force: true });
}
