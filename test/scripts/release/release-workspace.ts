import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { updateSpecCommand } from "../../../scripts/lib/release/update-spec-command.js";
import { repoRoot } from "../../helpers/run-generate.js";

/** A temporary copy of what a spec update touches: never the checkout itself. */
export function releaseWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), "update-spec-"));
  for (const name of ["spec", "generated", "package.json", "package-lock.json", "CHANGELOG.md"])
    cpSync(join(repoRoot, name), join(dir, name), { recursive: true });
  return dir;
}

/** Every file under `dir` with its sha256: equal before and after means nothing was written. */
export function treeDigest(dir: string): Record<string, string> {
  const digest: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else
        digest[relative(dir, path)] = createHash("sha256").update(readFileSync(path)).digest("hex");
    }
  };
  walk(dir);
  return digest;
}

/** Runs `update-spec` in `dir` as the npm script would, collecting what it prints. */
export async function runUpdateSpec(
  dir: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await updateSpecCommand(args, {
    cwd: dir,
    env: { SOURCE_DATE_EPOCH: "1796169600", ...env },
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}
