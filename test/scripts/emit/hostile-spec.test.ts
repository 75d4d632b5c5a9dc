import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot, runGenerate } from "../../helpers/run-generate.js";
import { hostileSpec } from "../../helpers/hostile-spec.js";
import { typecheckStrict } from "../../helpers/typecheck.js";

describe("a spec full of code-shaped text generates inert, type-correct code", () => {
  const dir = mkdtempSync(join(tmpdir(), "hostile-"));
  const out = join(dir, "out");
  let generateResult: ReturnType<typeof runGenerate>;

  beforeAll(() => {
    const spec = join(dir, "hostile\u2028name *.json");
    writeFileSync(spec, JSON.stringify(hostileSpec(), null, 2));
    generateResult = runGenerate(["--spec", spec, "--out", out, "--quiet"]);
  });

  it("generates without a crash", () => {
    expect(generateResult.stderr).not.toMatch(/^\s+at /m);
    expect(generateResult.status, String(generateResult.stderr)).toBe(0);
  });

  it("runs no spec text when every generated module is imported", () => {
    const modules = readdirSync(out).filter((f) => f.endsWith(".ts"));
    expect(modules.length).toBeGreaterThanOrEqual(3);
    const script = modules
      .map((m) => `await import(${JSON.stringify(pathToFileURL(join(out, m)).href)});`)
      .join("\n");
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", script],
      {
        cwd: repoRoot,
        encoding: "utf8",
      },
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain("PWNED");
  });

  it("type-checks under --strict", () => {
    expect(typecheckStrict(out)).toEqual({ output: "", status: 0 });
  });

  it("keeps the text, escaped, so the docs still say what the vendor wrote", () => {
    const operations = readFileSync(join(out, "operations.gen.ts"), "utf8");
    expect(operations).toContain("*\\/ process.stdout.write");
    expect(operations).not.toMatch(/[\u2028\u2029]/);
  });
});
