import { spawn } from "node:child_process";
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
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

  it("regenerates when a file the spec's $refs name changes, in a folder of its own", async () => {
    const work = mkdtempSync(join(tmpdir(), "watch-refs-"));
    const spec = join(work, "spec.yaml");
    const seed = readFileSync(
      join(repoRoot, "test/fixtures/seed/chainhub-fal-ai.apifox.yaml"),
      "utf8",
    );
    writeFileSync(
      spec,
      seed.replace(
        "                seed:\n                  type: integer\n",
        "                seed:\n                  $ref: ./models/seed.yaml\n",
      ),
    );
    mkdirSync(join(work, "models"));
    const model = join(work, "models/seed.yaml");
    writeFileSync(model, "type: integer\ndescription: 'Seed, range: 0-100'\n");
    const child = spawn(
      process.execPath,
      generateCommand(["--spec", spec, "--out", join(work, "out"), "--watch", "--quiet"]),
      { cwd: repoRoot },
    );
    let log = "";
    child.stderr.on("data", (chunk) => (log += String(chunk)));
    child.stdout.on("data", (chunk) => (log += String(chunk)));
    const runs = () => log.match(/\[watch\] done/g)?.length ?? 0;
    const contract = () => readFileSync(join(work, "out/openapi.json"), "utf8");
    try {
      await waitFor(() => runs() === 1);
      expect(contract()).toContain('"maximum": 100');
      writeFileSync(model, "type: integer\ndescription: 'Seed, range: 0-50'\n");
      await waitFor(() => runs() === 2);
      expect(contract()).toContain('"maximum": 50');
    } finally {
      child.kill("SIGTERM");
    }
    await new Promise((r) => child.once("exit", r));
  }, 40_000);
});
