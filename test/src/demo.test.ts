import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/run-generate.js";

describe("npm start (the demo on the bundled emulator)", () => {
  it("edits the shipped sample, shows progress, saves a PNG and exits cleanly, with no key set", () => {
    const out = mkdtempSync(join(tmpdir(), "demo-"));
    const env = { ...process.env };
    delete env.CHAINHUB_API_KEY;
    delete env.CHAINHUB_BASE_URL;
    const run = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "src/demo/main.ts",
        "--out",
        out,
        // The demo edits with the seed model: the test pins its contract, whatever generated/ holds.
        "--contract",
        "test/fixtures/seed/generated",
      ],
      {
        cwd: repoRoot,
        env,
        encoding: "utf8",
        timeout: 30_000,
      },
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Local emulator on http://127.0.0.1:");
    expect(run.stdout).toMatch(/IN_QUEUE \(position \d+\)/);
    expect(run.stdout).toContain("COMPLETED");
    const files = readdirSync(out);
    expect(files).toHaveLength(1);
    expect(readFileSync(join(out, files[0]!)).subarray(1, 4).toString("ascii")).toBe("PNG");
    expect(JSON.parse(run.stdout.slice(run.stdout.indexOf("result: ") + 8)).prompt).toBe(
      "Put a donut next to the flour.",
    );
  });
});
