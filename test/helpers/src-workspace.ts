import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { repoRoot, runGenerate } from "./run-generate.js";
import { typecheckProject } from "./typecheck.js";

/**
 * A copy of src/ next to output generated from another spec, with a consumer script, as a user
 * with that spec would have it: proves src/ works unchanged over any regenerated contract.
 */
export function srcWorkspace(
  name: string,
  generateArgs: string[],
  consumer: string,
): {
  dir: string;
  generated: ReturnType<typeof runGenerate>;
  typecheck(): string;
  run(): { stdout: string; stderr: string };
} {
  const dir = mkdtempSync(join(tmpdir(), `${name}-`));
  cpSync(join(repoRoot, "src"), join(dir, "src"), { recursive: true });
  symlinkSync(join(repoRoot, "node_modules"), join(dir, "node_modules"));
  const generated = runGenerate([...generateArgs, "--out", join(dir, "generated")]);
  expect(generated.status, generated.stderr).toBe(0);
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: ["node"],
        lib: ["ES2023", "DOM"],
      },
      include: ["src", "generated", "consumer.ts"],
      // The demo is an application of this repository's spec (it edits with Kontext [max]).
      exclude: ["src/demo"],
    }),
  );
  writeFileSync(join(dir, "consumer.ts"), consumer);
  return {
    dir,
    generated,
    typecheck() {
      return typecheckProject(dir);
    },
    run() {
      const result = spawnSync(process.execPath, ["--import", "tsx", "consumer.ts"], {
        cwd: dir,
        encoding: "utf8",
        env: { PATH: process.env.PATH ?? "" },
      });
      return { stdout: result.stdout, stderr: result.stderr };
    },
  };
}
