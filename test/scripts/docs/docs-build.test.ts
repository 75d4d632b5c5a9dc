import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../helpers/run-generate.js";

describe("npm run docs", () => {
  const out = mkdtempSync(join(tmpdir(), "docs-build-"));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("builds the API reference with no warning (typedoc treats them as errors: a broken link, an undocumented export)", () => {
    const typedoc = join(repoRoot, "node_modules/typedoc/bin/typedoc");
    const run = spawnSync(process.execPath, [typedoc, "--out", out], {
      cwd: repoRoot,
      encoding: "utf8",
    });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout + run.stderr).not.toMatch(/\[warning\]|\[error\]/);
    // The landing page is docs/index.md, and the guide for @fal-ai/client users is linked from it.
    const index = readFileSync(join(out, "index.html"), "utf8");
    expect(index).toContain("chainhub-fal-client");
    const guide = index.match(/href="(documents\/Coming_from[^"]*\.html)"/)?.[1];
    expect(guide).toBeDefined();
    expect(readFileSync(join(out, guide!), "utf8")).toContain("@fal-ai/client");
  });
});
