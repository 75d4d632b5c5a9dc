import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../../scripts/lib/generate.js";
import { resolveOptions, type GenerateOptions } from "../../../scripts/lib/options.js";
import { STAGING_SUFFIX } from "../../../scripts/lib/release/replace-file.js";
import { checkDrift } from "../../../scripts/lib/write/check-drift.js";
import { repoRoot } from "../../helpers/run-generate.js";
import { startExportServer, type ExportServer } from "./export-server.js";
import { releaseWorkspace, runUpdateSpec, treeDigest } from "./release-workspace.js";

const TOKEN = "apifox-token-0123456789abcdef";
const SPEC = "spec/chainhub-fal-ai.apifox.yaml";
const current = readFileSync(join(repoRoot, SPEC));
/** The vendor's next export: a range narrowed in prose (breaking); its trailing bytes prove byte for byte. */
const narrowed = Buffer.concat([
  Buffer.from(current.toString("utf8").replace("Range value: 1-20", "Range value: 1-10")),
  Buffer.from("# exported — ünïcödé  \n\n", "utf8"),
]);
/** An export that only adds an optional request property: a minor change. */
const widened = Buffer.from(
  current
    .toString("utf8")
    .replace(
      "                seed:\n",
      "                style_hint:\n                  type: string\n                seed:\n",
    ),
);

async function isUpToDate(dir: string): Promise<boolean> {
  const options = resolveOptions([], dir) as GenerateOptions;
  const { files } = await generate(options);
  return files !== undefined && (await checkDrift(options.out, files)).length === 0;
}

describe("npm run update-spec against a loopback export endpoint", () => {
  let server: ExportServer;
  beforeAll(async () => {
    server = await startExportServer(TOKEN);
  });
  afterAll(() => server.close());

  it("replaces the spec byte for byte, regenerates, bumps by the diff, writes the changelog and prints the PR", async () => {
    const dir = releaseWorkspace();
    server.answer({ body: narrowed });
    // As apifox's open API exports: POST with the format and scope in a JSON body.
    const request = { scope: { type: "ALL" }, oasVersion: "3.0", exportFormat: "YAML" };
    writeFileSync(join(dir, "export-request.json"), JSON.stringify(request));
    const run = await runUpdateSpec(
      dir,
      [
        `${server.url}/v1/projects/4478210/export-openapi?locale=en-US`,
        "--post",
        "export-request.json",
        "--header",
        "X-Apifox-Api-Version: 2024-03-28",
      ],
      { CHAINHUB_EXPORT_TOKEN: TOKEN },
    );
    expect(run.code, run.stderr).toBe(0);
    const sent = server.requests.at(-1)!;
    expect(sent.method).toBe("POST");
    expect(sent.url).toBe("/v1/projects/4478210/export-openapi?locale=en-US");
    expect(sent.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(sent.headers["x-apifox-api-version"]).toBe("2024-03-28");
    expect(JSON.parse(sent.body)).toEqual(request);
    expect(readFileSync(join(dir, SPEC)).equals(narrowed)).toBe(true);
    expect(await isUpToDate(dir)).toBe(true);
    expect(readFileSync(join(dir, "generated/openapi.json"), "utf8")).toContain('"maximum": 10');
    // 0.1.0 and a breaking change: the minor carries it before 1.0.0.
    expect(JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).version).toBe("0.2.0");
    // The lock follows, as after `npm version`, and nothing else in it moves.
    const lock = JSON.parse(readFileSync(join(dir, "package-lock.json"), "utf8"));
    expect([lock.version, lock.packages[""].version]).toEqual(["0.2.0", "0.2.0"]);
    lock.version = lock.packages[""].version = "0.1.0";
    expect(JSON.stringify(lock, null, 2) + "\n").toBe(
      readFileSync(join(repoRoot, "package-lock.json"), "utf8"),
    );
    const changelog = readFileSync(join(dir, "CHANGELOG.md"), "utf8");
    expect(changelog).toMatch(/## Unreleased\n\n## 0\.2\.0 - 2026-12-02\n/);
    expect(changelog).toContain("[`request-property-max-decreased`]");
    // The notes waiting under Unreleased ship in this release, below the spec's changes.
    expect(changelog.indexOf("## 0.2.0")).toBeLessThan(
      changelog.indexOf("A string in a file field"),
    );
    expect(changelog.indexOf("A string in a file field")).toBeLessThan(
      changelog.indexOf("## 0.1.0"),
    );
    const [title, blank] = run.stdout.split("\n");
    expect(title).toBe("Spec update: release 0.2.0 (major; 1 breaking, 0 warnings, 0 info)");
    expect(blank).toBe("");
    expect(run.stdout).toContain("`request-property-max-decreased`");
    // Each row says where it is: the property's line in the new export, at the path the PR puts it.
    const line =
      current.toString("utf8").split("\n").indexOf("                guidance_scale:") + 1;
    const row = run.stdout.split("\n").find((l) => l.includes("request-property-max-decreased"));
    expect(line).toBeGreaterThan(0);
    expect(row).toMatch(new RegExp(`\\| ${SPEC}:${line} \\(was ${SPEC}:${line}\\) \\|$`));
    // The query string is not printed either: an export URL may carry a secret there.
    expect(run.stdout).toContain(`${server.url}/v1/projects/4478210/export-openapi\``);
    expect(run.stdout + run.stderr + changelog).not.toContain(TOKEN);
    expect(run.stdout + changelog).not.toContain("locale=en-US");
  });

  it("with --dry-run prints the PR text and writes nothing; breaking notes under Unreleased make it a major", async () => {
    const dir = releaseWorkspace();
    const before = treeDigest(dir);
    server.answer({ body: widened });
    const run = await runUpdateSpec(dir, ["--dry-run", `${server.url}/export`], {
      CHAINHUB_EXPORT_TOKEN: TOKEN,
    });
    expect(run.code, run.stderr).toBe(0);
    // The checkout's CHANGELOG.md lists breaking notes under Unreleased: they ship in this release.
    expect(run.stdout.split("\n")[0]).toBe(
      "Spec update: release 0.2.0 (major; 0 breaking, 0 warnings, 1 info)",
    );
    expect(run.stdout).toContain("`new-optional-request-property`");
    expect(treeDigest(dir)).toEqual(before);
  });

  it("makes an addition a minor (the patch before 1.0.0), from a file", async () => {
    const dir = releaseWorkspace();
    const changelog = join(dir, "CHANGELOG.md");
    writeFileSync(
      changelog,
      readFileSync(changelog, "utf8").replace(/(## Unreleased\n)[^]*?(?=## 0\.1\.0)/, "$1\n"),
    );
    writeFileSync(join(dir, "new-export.yaml"), widened);
    const run = await runUpdateSpec(dir, ["new-export.yaml"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe(
      "Spec update: release 0.1.1 (minor; 0 breaking, 0 warnings, 1 info)",
    );
    expect(readFileSync(join(dir, SPEC)).equals(widened)).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).version).toBe("0.1.1");
    expect(readFileSync(changelog, "utf8")).toMatch(
      /## Unreleased\n\n## 0\.1\.1 - 2026-12-02\n\nSpec update: `spec\/chainhub-fal-ai\.apifox\.yaml` replaced by the export from `new-export\.yaml`/,
    );
  });

  it("puts back the spec, generated/ and package.json when the last write, CHANGELOG.md, fails", async () => {
    const dir = releaseWorkspace();
    // A folder where the changelog's replacement is staged: writing it fails after the other three.
    mkdirSync(join(dir, "CHANGELOG.md" + STAGING_SUFFIX, "in-the-way"), { recursive: true });
    const before = treeDigest(dir);
    server.answer({ body: narrowed });
    const run = await runUpdateSpec(dir, [`${server.url}/export`], {
      CHAINHUB_EXPORT_TOKEN: TOKEN,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("EISDIR");
    expect(treeDigest(dir)).toEqual(before);
  });

  it("puts back the spec when generated/ refuses to be written (a folder generate does not own)", async () => {
    const dir = releaseWorkspace();
    rmSync(join(dir, "generated/.generated-files.json"));
    writeFileSync(join(dir, "generated/NOTES.md"), "hand-written, not ours\n");
    const before = treeDigest(dir);
    server.answer({ body: narrowed });
    const run = await runUpdateSpec(dir, [`${server.url}/export`], {
      CHAINHUB_EXPORT_TOKEN: TOKEN,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("refusing to write into");
    expect(treeDigest(dir)).toEqual(before);
  });

  it("writes nothing and exits 1 when the new export does not generate", async () => {
    const dir = releaseWorkspace();
    const before = treeDigest(dir);
    server.answer({ body: "openapi: 3.0.1\npaths: {\n  /x: [\n" });
    const run = await runUpdateSpec(dir, [`${server.url}/export`], {
      CHAINHUB_EXPORT_TOKEN: TOKEN,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("the new export does not generate; nothing was written");
    expect(run.stderr).toMatch(/spec\/chainhub-fal-ai\.apifox\.yaml:\d+/);
    expect(treeDigest(dir)).toEqual(before);
  });

  it("is the npm script `update-spec`, whose entry prints its usage", async () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));
    expect(pkg.scripts["update-spec"]).toBe("node --import tsx scripts/update-spec.ts");
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/update-spec.ts", "--help"], {
      cwd: repoRoot,
    });
    let stdout = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: npm run update-spec -- <file\|url> \[options\]/);
  });

  it("releases nothing when the export is byte for byte the one in place", async () => {
    const dir = releaseWorkspace();
    const before = treeDigest(dir);
    server.answer({ body: current });
    const run = await runUpdateSpec(dir, [`${server.url}/export`], {
      CHAINHUB_EXPORT_TOKEN: TOKEN,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("nothing to release");
    expect(run.stdout).toBe("");
    expect(treeDigest(dir)).toEqual(before);
  });
});
