import { describe, expect, it } from "vitest";
import { runGenerate } from "../helpers/run-generate.js";

describe("test/fixtures/seed/generated", () => {
  it("is what the generator makes of the pinned seed (npm run generate:seed-fixture)", () => {
    const result = runGenerate([
      "--spec",
      "test/fixtures/seed/chainhub-fal-ai.apifox.yaml",
      "--overlays",
      "test/fixtures/seed/overlays",
      "--out",
      "test/fixtures/seed/generated",
      "--check",
    ]);
    expect(result.stdout + result.stderr).toContain("is up to date (4 files)");
    expect(result.status).toBe(0);
  });
});
