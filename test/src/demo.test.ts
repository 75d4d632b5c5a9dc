import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeImage } from "../../src/emulator/images/decode-image.js";
import { fitRaster } from "../../src/emulator/images/fit-raster.js";
import type { Raster } from "../../src/emulator/images/raster.js";
import { grayThumbnail, likeness } from "../helpers/image-likeness.js";
import { repoRoot } from "../helpers/run-generate.js";

function decoded(bytes: Uint8Array): Raster {
  const result = decodeImage(bytes);
  if (!result.ok) throw new Error(result.reason);
  return result.raster;
}

describe("npm start (the demo on the bundled emulator)", () => {
  it("edits the shipped sample into a picture that still shows it, says it is emulated, and exits cleanly with no key set", () => {
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
    const saved = readFileSync(join(out, files[0]!));
    expect(saved.subarray(1, 4).toString("ascii")).toBe("PNG");
    const result = JSON.parse(run.stdout.slice(run.stdout.indexOf("result: ") + 8));
    expect(result.prompt).toBe("Give the wizard a red hat.");
    expect(result.emulated).toMatch(/^Made by the local ChainHub emulator, not by a model/);
    expect(run.stdout).toMatch(/^emulated: Made by the local ChainHub emulator.*375x500 JPEG/m);

    // The output is the sample at 3:4, tinted: alike on a small grayscale thumbnail whatever tint
    // the demo's random seed chose (a blue wash darkens the white background, a yellow one not).
    const output = decoded(saved);
    expect(output.width / output.height).toBeCloseTo(3 / 4, 1);
    const sample = decoded(readFileSync(join(repoRoot, "src/demo/sample.jpg")));
    const thumbnail = (raster: Raster) => grayThumbnail(raster, 12, 16);
    const input = thumbnail(fitRaster(sample, output.width, output.height));
    expect(likeness(input, thumbnail(output))).toBeGreaterThan(0.8);
  });
});
