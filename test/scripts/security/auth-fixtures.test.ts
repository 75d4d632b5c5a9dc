import { describe, expect, it } from "vitest";
import { runGenerate } from "../../helpers/run-generate.js";

describe("test/fixtures/specs/auth/*.generated", () => {
  it.each(["fal-key.openapi.json", "x-api-key.apifox.yaml"])(
    "%s is what the generator makes of its export and overlays (npm run generate:auth-fixtures)",
    (name) => {
      const result = runGenerate([
        "--spec",
        `test/fixtures/specs/auth/${name}`,
        "--overlays",
        `test/fixtures/specs/auth/${name.split(".")[0]}-overlays`,
        "--out",
        `test/fixtures/specs/auth/${name.split(".")[0]}.generated`,
        "--check",
      ]);
      expect(result.stdout + result.stderr).toContain("is up to date (4 files)");
      expect(result.status).toBe(0);
    },
  );
});
