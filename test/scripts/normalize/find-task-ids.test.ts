import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildContract } from "../../../scripts/lib/build-contract.js";
import { runGenerate } from "../../helpers/run-generate.js";

const fixture = (path: string) =>
  readFileSync(new URL(`../../fixtures/specs/${path}`, import.meta.url), "utf8");

const LUMA = { name: "luma.apifox.yaml", text: fixture("luma/luma.apifox.yaml") };
const LUMA_OVERLAY = {
  name: "10-luma-task.overlay.yaml",
  text: fixture("luma/overlays/10-luma-task.overlay.yaml"),
};

const taskWarnings = (overlays: { name: string; text: string }[], spec = LUMA) =>
  buildContract(spec, overlays).diagnostics.filter((d) => d.code === "task-without-protocol");

describe("test/fixtures/specs/luma", () => {
  it("holds the page's YAML block byte for byte as the export", () => {
    const page = fixture("luma/luma-generations.page.md");
    const start = page.indexOf("```yaml\n") + "```yaml\n".length;
    expect(LUMA.text).toBe(page.slice(start, page.lastIndexOf("```")));
  });
});

describe("findUnfollowedTasks: a task id nobody polls is said, with the overlay to add", () => {
  it("warns at the vendor's Luma submit, and prints the poll route and x-async-task", () => {
    const [warning, ...more] = taskWarnings([]);
    expect(more).toEqual([]);
    expect(warning!.severity).toBe("warning");
    expect(warning!.location).toMatchObject({
      line: 8,
      pointer: "#/paths/~1luma~1generations/post",
    });
    expect(warning!.message).toContain("answers a task id at /data/task_id");
    expect(warning!.message).toContain("no operation of the spec polls it");
  });

  it("prints exactly the overlay kept as the README's fixture, which silences it", () => {
    const [warning] = taskWarnings([]);
    expect(warning!.message.endsWith(`\n\n${LUMA_OVERLAY.text}`)).toBe(true);
    const applied = buildContract(LUMA, [LUMA_OVERLAY]);
    expect(applied.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(taskWarnings([LUMA_OVERLAY])).toEqual([]);
  });

  it("names an existing poll instead of adding one, and adds only x-async-task", () => {
    const spec = { name: "task-api.apifox.yaml", text: fixture("task-api.apifox.yaml") };
    const [warning] = taskWarnings([], spec);
    expect(warning!.message).toContain("GET /v1/videos/text2video/{task_id} can poll it");
    expect(warning!.message).not.toContain("target: $.paths\n");
    expect(warning!.message).toContain("x-async-task:");
    // Status and result are read from the poll's own answer, where x-async-task points.
    expect(warning!.message).toContain("status: /task_status\n");
    expect(warning!.message).toContain("result: /task_result\n");
    const declared = { name: "task-api.overlay.yaml", text: fixture("task-api.overlay.yaml") };
    expect(taskWarnings([declared], spec)).toEqual([]);
  });

  it("leaves queue submits and operations without a task id alone (the seed)", () => {
    const seed = {
      name: "chainhub-fal-ai.apifox.yaml",
      text: readFileSync(
        new URL("../../fixtures/seed/chainhub-fal-ai.apifox.yaml", import.meta.url),
        "utf8",
      ),
    };
    expect(taskWarnings([], seed)).toEqual([]);
  });

  it("keeps test/fixtures/specs/luma/generated what the generator makes of export and overlay", () => {
    const result = runGenerate([
      "--spec",
      "test/fixtures/specs/luma/luma.apifox.yaml",
      "--overlays",
      "test/fixtures/specs/luma/overlays",
      "--out",
      "test/fixtures/specs/luma/generated",
      "--check",
    ]);
    expect(result.stdout + result.stderr).toContain("is up to date (4 files)");
    expect(result.status).toBe(0);
  });
});
