import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/**
 * The arguments to `node` for what `npm run generate` runs: the prebuilt generator bundle,
 * which rebuilds itself first when any of its sources changed. A fraction of the start-up of
 * `scripts/generate.ts` under tsx, which compiles every module on each run.
 */
export function generateCommand(args: string[]): string[] {
  return [join(repoRoot, "scripts/bin/generate.mjs"), ...args];
}

/** Likewise for what `npm run diff` runs. */
export function diffCommand(args: string[]): string[] {
  return [join(repoRoot, "scripts/bin/diff.mjs"), ...args];
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run generate`'s command as a user would, in a child process, from the repository. */
export function runGenerate(args: string[], env: NodeJS.ProcessEnv = process.env): CliResult {
  const result = spawnSync(process.execPath, generateCommand(args), {
    cwd: repoRoot,
    encoding: "utf8",
    env,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
