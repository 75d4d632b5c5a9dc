import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/**
 * What a test file does that makes it an end-to-end test: it starts a process, directly or
 * through one of the helpers that do (the generator, the CLI, a browser, npm).
 */
const STARTS_A_PROCESS =
  /node:child_process|\b(runGenerate|generateCommand|runCli|spawnCli|runCliOnTty|srcWorkspace|launchBrowser|packedPackage)\b|playwright/;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "fixtures" ? [] : testFiles(path);
    return entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/**
 * The test files (relative to the repository) that start processes, and load tests (named
 * `*-load.test.ts`, hundreds of jobs each): the `e2e` project. The rest is the fast inner loop.
 */
export function startsProcesses(): string[] {
  return testFiles(join(repoRoot, "test"))
    .filter(
      (file) => file.endsWith("-load.test.ts") || STARTS_A_PROCESS.test(readFileSync(file, "utf8")),
    )
    .map((file) => relative(repoRoot, file))
    .sort();
}
