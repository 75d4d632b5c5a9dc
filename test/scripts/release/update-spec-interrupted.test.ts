import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { STAGING_SUFFIX } from "../../../scripts/lib/release/replace-file.js";
import { JOURNAL_DIR } from "../../../scripts/lib/release/update-journal.js";
import { waitFor } from "../../helpers/run-cli.js";
import { repoRoot } from "../../helpers/run-generate.js";
import { releaseWorkspace, runUpdateSpec, treeDigest } from "./release-workspace.js";

const SPEC = "spec/chainhub-fal-ai.apifox.yaml";
const current = readFileSync(join(repoRoot, SPEC), "utf8");
const narrowed = current.replace("Range value: 1-20", "Range value: 1-10");

/**
 * Starts `npm run update-spec` in `dir` as its own process and kills it with SIGKILL midway:
 * CHANGELOG.md's staging path is a FIFO nobody reads, so the last write blocks after the spec,
 * generated/, package.json and its lock were written, and the kill lands there every time.
 */
async function killMidway(dir: string): Promise<void> {
  execFileSync("mkfifo", [join(dir, "CHANGELOG.md" + STAGING_SUFFIX)]);
  writeFileSync(join(dir, "new-export.yaml"), narrowed);
  const packageJson = readFileSync(join(dir, "package.json"), "utf8");
  const child = spawn(
    process.execPath,
    [
      "--import",
      import.meta.resolve("tsx"),
      join(repoRoot, "scripts/update-spec.ts"),
      "new-export.yaml",
    ],
    { cwd: dir, stdio: "ignore" },
  );
  const exited = new Promise((resolve) => child.on("exit", resolve));
  await waitFor(() => readFileSync(join(dir, "package.json"), "utf8") !== packageJson);
  child.kill("SIGKILL");
  await exited;
  rmSync(join(dir, "new-export.yaml"));
}

describe("npm run update-spec killed midway", () => {
  it("leaves a journal, and the next run puts every file back before it releases", async () => {
    const dir = releaseWorkspace();
    const before = treeDigest(dir);
    await killMidway(dir);
    // Midway: the spec is new, the changelog is not; the journal knows the old bytes.
    expect(readFileSync(join(dir, SPEC), "utf8")).toBe(narrowed);
    expect(existsSync(join(dir, JOURNAL_DIR, "index.json"))).toBe(true);

    const dry = await runUpdateSpec(dir, [join(repoRoot, SPEC), "--dry-run"]);
    expect(dry.code).toBe(1);
    expect(dry.stderr).toContain("interrupted midway; run without --dry-run to put back");
    expect(readFileSync(join(dir, SPEC), "utf8")).toBe(narrowed);

    // The export in the checkout is the one that was released: after the restore, nothing to do.
    const run = await runUpdateSpec(dir, [join(repoRoot, SPEC)]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("interrupted midway; put back the files it had begun to change");
    expect(run.stderr).toContain("nothing to release");
    expect(treeDigest(dir)).toEqual(before);
  });

  it("puts nothing back over a file someone edited after the interruption", async () => {
    const dir = releaseWorkspace();
    await killMidway(dir);
    rmSync(join(dir, "CHANGELOG.md" + STAGING_SUFFIX));
    writeFileSync(join(dir, SPEC), narrowed + "# edited by hand after the crash\n");
    const edited = treeDigest(dir);

    const run = await runUpdateSpec(dir, [join(repoRoot, SPEC)]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`since then ${SPEC} changed; nothing was put back`);
    expect(treeDigest(dir)).toEqual(edited);
  });
});
