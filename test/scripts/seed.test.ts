import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildContract } from "../../scripts/lib/build-contract.js";
import { Diagnostics } from "../../scripts/lib/diagnostics.js";
import { provenanceOf } from "../../scripts/lib/emit/banner.js";
import { renderOutputs } from "../../scripts/lib/emit/render-outputs.js";
import { repoRoot, runGenerate } from "../helpers/run-generate.js";

const SPEC = "spec/chainhub-fal-ai.apifox.yaml";
/** The seed as pinned for the tests about it: spec/ may hold a newer export. */
const PINNED_SEED = "test/fixtures/seed/chainhub-fal-ai.apifox.yaml";

describe("the vendor's export", () => {
  // The seed lives in the workplace's shared folder, beside the clone (as in CI); without it
  // there is nothing to compare against, and the test says so instead of failing.
  const seedPath = join(repoRoot, "../shared/seed/fal-ai-flux-pro-kontext-max.md");
  it.skipIf(!existsSync(seedPath))("is kept byte for byte as the seed's YAML block", () => {
    const seed = readFileSync(seedPath, "utf8");
    const block = /```yaml\n([\s\S]*?)```/.exec(seed)?.[1];
    expect(readFileSync(join(repoRoot, PINNED_SEED), "utf8")).toBe(block);
  });

  it("generated/ is exactly what `npm run generate` produces (committed output is not stale)", () => {
    const result = runGenerate(["--check"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("matches the snapshot of its output without overlays: repairs and prose inference alone", async () => {
    const spec = { name: SPEC, text: readFileSync(join(repoRoot, PINNED_SEED), "utf8") };
    const contract = buildContract(spec);
    const files = await renderOutputs(
      contract.document!,
      provenanceOf(spec, []),
      new Diagnostics(SPEC),
    );
    for (const [name, text] of files) {
      await expect(text).toMatchFileSnapshot(`__snapshots__/seed-without-overlays/${name}`);
    }
    expect(contract.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("lists the shipped overlays in the banner of every generated file", () => {
    const overlays = readdirSync(join(repoRoot, "spec/overlays")).sort();
    const header = readFileSync(join(repoRoot, "generated/operations.gen.ts"), "utf8")
      .split("\n")
      .slice(0, 4)
      .join("\n");
    for (const overlay of overlays) expect(header).toContain(`spec/overlays/${overlay}`);
    expect(header).toMatch(/Inputs sha256: [0-9a-f]{64}/);
  });
});
