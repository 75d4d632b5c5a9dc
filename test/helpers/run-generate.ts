import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `scripts/generate.ts` as a user would, in a child process. */
export function runGenerate(args: string[]): CliResult {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/generate.ts", ...args], {
    cwd: repoRoot,
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
