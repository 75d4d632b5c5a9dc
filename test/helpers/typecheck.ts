import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./run-generate.js";

/** Type-checks every `.ts` file of a generated folder on its own, under `--strict`; "" means clean. */
export function typecheckStrict(folder: string): { output: string; status: number | null } {
  const files = readdirSync(folder)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => join(folder, f));
  const tsc = spawnSync(
    process.execPath,
    [
      join(repoRoot, "node_modules/typescript/bin/tsc"),
      "--noEmit",
      "--strict",
      "--skipLibCheck",
      "--target",
      "es2022",
      "--module",
      "nodenext",
      "--moduleResolution",
      "nodenext",
      ...files,
    ],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  return { output: tsc.stdout + tsc.stderr, status: tsc.status };
}
