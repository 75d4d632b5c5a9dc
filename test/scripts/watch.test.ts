import { spawn } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { waitFor } from "../helpers/run-cli.js";
import { generateCommand, repoRoot } from "../helpers/run-generate.js";

describe("generate --watch", () => {
  it("regenerates once per change of the spec, ignores other files and its own writes", async () => {
    const work = mkdtempSync(join(tmpdir(), "watch-"));
    const spec = join(work, "spec.yaml");
    cpSync(join(repoRoot, "test/fixtures/specs/task-api.apifox.yaml"), spec);
    const child = spawn(
      process.execPath,
      generateCommand(["--spec", spec, "--out", join(work, "out"), "--watch", "--quiet"]),
      { cwd: repoRoot },
    );
    let log = "";
    child.stderr.on("data", (chunk) => (log += String(chunk)));
    child.stdout.on("data", (chunk) => (log += String(chunk)));
    const runs = () => log.match(/\[watch\] done/g)?.length ?? 0;
    try {
      await waitFor(() => runs() === 1);
      writeFileSync(
        spec,
        readFileSync(spec, "utf8").replace("Create a text-to-video task", "Create a video task"),
      );
      await waitFor(() => runs() === 2);
      expect(readFileSync(join(work, "out/operations.gen.ts"), "utf8")).toContain(
        "Create a video task",
      );
      appendFileSync(join(work, "notes.txt"), "not an input\n");
      await new Promise((r) => setTimeout(r, 600));
      // Neither the note nor the run's own writes into out/ started another run.
      expect(runs()).toBe(2);
    } finally {
      child.kill("SIGTERM");
    }
    await new Promise((r) => child.once("exit", r));
  }, 40_000);
});
