import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildContract } from "../../../scripts/lib/build-contract.js";
import { compareDocuments } from "../../../scripts/lib/diff/compare-document.js";
import { diffCommand, repoRoot } from "../../helpers/run-generate.js";

// The seed as pinned for the tests about it (spec/ may hold a newer export).
const SPEC = "test/fixtures/seed/chainhub-fal-ai.apifox.yaml";
const SEED_OVERLAYS = "test/fixtures/seed/overlays";
/** Where a repository keeps its export, for the git-ref test. */
const REPO_SPEC = "spec/chainhub-fal-ai.apifox.yaml";
const raw = readFileSync(join(repoRoot, SPEC), "utf8");
const overlays = ["10-fal-relay.overlay.yaml", "20-fal-ai-flux-pro-kontext-max.overlay.yaml"].map(
  (name) => ({
    name,
    text: readFileSync(join(repoRoot, SEED_OVERLAYS, name), "utf8"),
  }),
);

function diffRaw(head: string) {
  const before = buildContract({ name: "base", text: raw }, overlays).document!;
  const after = buildContract({ name: "head", text: head }, overlays).document!;
  return compareDocuments(before, after).map((c) => ({
    id: c.id,
    level: c.level,
    source: c.source,
  }));
}

function runDiff(args: string[], cwd = repoRoot) {
  return spawnSync(
    process.execPath,
    diffCommand([
      ...args,
      // In this repository, the seed's overlays; a git-ref side reads its own from its ref.
      ...(cwd === repoRoot && !args.some((a) => a.includes("overlays"))
        ? ["--overlays", SEED_OVERLAYS]
        : []),
    ]),
    // Outside GitHub Actions as inside it: lines are linked only when a test asks.
    {
      cwd,
      encoding: "utf8",
      env: { ...process.env, GITHUB_SERVER_URL: "", GITHUB_REPOSITORY: "" },
    },
  );
}

describe("diffing raw exports with the vendor's defects", () => {
  it.each([
    [
      "a range narrowed in prose",
      (t: string) => t.replace("range: 1-4", "range: 1-2"),
      [
        {
          id: "request-property-max-decreased",
          level: "breaking",
          source: "inferred from description",
        },
      ],
    ],
    [
      "a range widened in prose",
      (t: string) => t.replace("Range value: 1-20", "Range value: 0-30"),
      [
        {
          id: "request-property-max-increased",
          level: "info",
          source: "inferred from description",
        },
        {
          id: "request-property-min-decreased",
          level: "info",
          source: "inferred from description",
        },
      ],
    ],
    [
      "an enum value added in prose",
      (t: string) => t.replace('"jpeg", "png"', '"jpeg", "png", "webp"'),
      [
        {
          id: "request-property-enum-value-added",
          level: "info",
          source: "inferred from description",
        },
      ],
    ],
    [
      "an enum the prose stops listing",
      (t: string) =>
        t.replace(
          "Image aspect ratios, enumerated values: 21:9, 16:9, 4:3, 3:2, 1:1, 2:3, 3:4, 9:16, 9:21",
          "Image aspect ratio",
        ),
      [
        {
          id: "request-property-enum-removed",
          level: "breaking",
          source: "inferred from description",
        },
      ],
    ],
    [
      "a range the prose stops stating",
      (t: string) => t.replace("Output image count, range: 1-4", "Output image count"),
      [
        {
          id: "request-property-constraint-dropped",
          level: "warning",
          source: "inferred from description",
        },
        {
          id: "request-property-constraint-dropped",
          level: "warning",
          source: "inferred from description",
        },
      ],
    ],
    [
      "a field dropped from the export",
      (t: string) => t.replace(/                seed:\n                  type: integer\n/, ""),
      [{ id: "request-property-removed", level: "warning", source: "spec" }],
    ],
    [
      "a new required field",
      (t: string) =>
        t.replace(
          "                - image_url\n",
          "                - image_url\n                - seed\n",
        ),
      [{ id: "request-property-became-required", level: "breaking", source: "spec" }],
    ],
    [
      "only descriptions and examples edited",
      (t: string) =>
        t
          .replace("Prompt words", "The prompt")
          .replace("Put a donut next to the flour.", "Add snow."),
      [],
    ],
  ])("%s", (_name, mutate, expected) => {
    expect(diffRaw(mutate(raw))).toEqual(expected);
  });

  it("reports a new endpoint in the export", () => {
    const added = raw.replace(
      "components:",
      `  /fal-ai/flux-pro/kontext:\n    post:\n      summary: k\n      requestBody:\n        content:\n          application/json:\n            schema:\n              type: object\n              properties:\n                prompt:\n                  type: string\n      responses: {}\ncomponents:`,
    );
    expect(diffRaw(added)).toContainEqual({ id: "endpoint-added", level: "info", source: "spec" });
  });
});

describe("npm run diff", () => {
  const work = mkdtempSync(join(tmpdir(), "diff-cli-"));
  const head = join(work, "head.apifox.yaml");
  writeFileSync(
    head,
    raw
      .replace("range: 1-4", "range: 1-2")
      .replace("9:16, 9:21", "9:16")
      .replace('"jpeg", "png"', '"jpeg", "png", "webp"'),
  );

  it.each(["text", "markdown"])("prints the %s report of the golden pair", async (format) => {
    const result = runDiff([SPEC, head, "--format", format]);
    expect(result.status).toBe(1);
    await expect(result.stdout.replaceAll(head, "head.apifox.yaml")).toMatchFileSnapshot(
      `__golden__/narrowed.${format === "text" ? "txt" : "md"}`,
    );
  });

  it("prints JSON with a change list of ids, levels, methods, paths and sources", () => {
    const result = runDiff([SPEC, head, "--format", "json"]);
    const report = JSON.parse(result.stdout);
    expect(report.summary).toEqual({ breaking: 2, warning: 0, info: 1 });
    expect(report.changes[0]).toMatchObject({
      id: "request-property-max-decreased",
      level: "breaking",
      method: "POST",
      path: "/fal-ai/flux-pro/kontext/max",
      source: "inferred from description",
    });
    expect(
      report.surface.map((s: { kind: string; name: string }) => `${s.kind} ${s.name}`),
    ).toEqual([
      "widened FalAiFluxProKontextMaxOutputFormat",
      "narrowed FalAiFluxProKontextMaxAspectRatio",
      "changed POST /fal-ai/flux-pro/kontext/max input.output_format",
      "changed POST /fal-ai/flux-pro/kontext/max input.aspect_ratio?",
    ]);
    // Each change says where it is in both files.
    expect(report.changes[0].where).toEqual({
      base: { file: SPEC, line: 32 },
      head: { file: "head.apifox.yaml", line: 32 },
    });
  });

  it("exits by --fail-on: 1 at or above the level, 0 below it", () => {
    const widened = join(work, "widened.yaml");
    writeFileSync(widened, raw.replace('"jpeg", "png"', '"jpeg", "png", "webp"'));
    expect(runDiff([SPEC, widened]).status).toBe(0);
    expect(runDiff([SPEC, widened, "--fail-on", "warning"]).status).toBe(0);
    expect(runDiff([SPEC, head, "--fail-on", "none"]).status).toBe(0);
    expect(runDiff([SPEC, SPEC, "--fail-on", "warning"]).status).toBe(0);
  });

  it("says which overlay actions the new export makes redundant", () => {
    const stated = join(work, "stated.yaml");
    // The vendor starts stating the default our generated overlay (20-…) adds.
    writeFileSync(
      stated,
      raw.replace(
        "                  type: number\n                  description: Range value: 1-20",
        "                  type: number\n                  default: 3.5\n                  description: Range value: 1-20",
      ),
    );
    const text = runDiff([SPEC, stated]);
    expect(text.stdout).toContain("Overlay actions now redundant");
    expect(text.stdout).toMatch(
      /test\/fixtures\/seed\/overlays\/20-fal-ai-flux-pro-kontext-max\.overlay\.yaml:\d+: .*guidance_scale.*changes nothing: the export already states "default"/,
    );
    const markdown = runDiff([SPEC, stated, "--format", "markdown"]).stdout;
    expect(markdown).toContain("#### Overlay actions now redundant");
    // Not news when nothing changed: the same export on both sides reports no such action.
    expect(runDiff([SPEC, SPEC]).stdout).not.toContain("redundant");
  });

  it("exits 2 with a clear message on unreadable files and unknown refs", () => {
    const missing = runDiff(["no/such.yaml", SPEC]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("no/such.yaml: cannot read (ENOENT)");
    const badRef = runDiff(["nope-ref:spec/x.yaml", SPEC]);
    expect(badRef.status).toBe(2);
    expect(badRef.stderr).toContain('unknown git ref "nope-ref"');
    expect(runDiff([SPEC]).status).toBe(2);
  });

  it("reads both sides from git refs, each with its own overlays", () => {
    const repo = join(work, "repo");
    mkdirSync(join(repo, "spec"), { recursive: true });
    cpSync(join(repoRoot, SEED_OVERLAYS), join(repo, "spec/overlays"), { recursive: true });
    writeFileSync(join(repo, REPO_SPEC), raw);
    const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, stdio: "pipe" });
    git("init", "-q", "-b", "main");
    git("-c", "user.name=t", "-c", "user.email=t@t.test", "add", ".");
    git("-c", "user.name=t", "-c", "user.email=t@t.test", "commit", "-qm", "base");
    writeFileSync(join(repo, REPO_SPEC), raw.replace("range: 1-4", "range: 1-2"));
    git("-c", "user.name=t", "-c", "user.email=t@t.test", "commit", "-qam", "head");
    const result = runDiff([`HEAD~1:${REPO_SPEC}`, `HEAD:${REPO_SPEC}`, "--format", "json"], repo);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout).changes.map((c: { id: string }) => c.id)).toEqual([
      "request-property-max-decreased",
    ]);
    const worktree = runDiff([`main~1:${REPO_SPEC}`, REPO_SPEC, "--format", "json"], repo);
    expect(JSON.parse(worktree.stdout).summary.breaking).toBe(1);
  });
});
