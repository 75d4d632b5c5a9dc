import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runGenerate } from "../../helpers/run-generate.js";

const SPEC = "test/fixtures/specs/multi-endpoint.apifox.yaml";
const GENERATED = ["index.gen.ts", "openapi.json", "operations.gen.ts", "schema.gen.ts"];

function generate(out: string, env: NodeJS.ProcessEnv = process.env) {
  return runGenerate(["--spec", SPEC, "--out", out, "--quiet"], env);
}

/** What a path holds, to prove a refused run left it alone. */
function snapshot(path: string): string[] | string {
  if (!existsSync(path)) return [];
  return statSync(path).isDirectory() ? readdirSync(path).sort() : readFileSync(path, "utf8");
}

function temp(): string {
  return mkdtempSync(join(tmpdir(), "out-folder-"));
}

describe("generate --out: the folder is ours only", () => {
  it("keeps a file it did not write beside its output, across runs", () => {
    const out = join(temp(), "api");
    expect(generate(out).status).toBe(0);
    writeFileSync(join(out, "notes.md"), "mine");
    mkdirSync(join(out, "custom"));
    writeFileSync(join(out, "custom", "client.ts"), "export {};");
    expect(generate(out).status).toBe(0);
    expect(readFileSync(join(out, "notes.md"), "utf8")).toBe("mine");
    expect(readFileSync(join(out, "custom", "client.ts"), "utf8")).toBe("export {};");
    expect(readdirSync(out).sort()).toEqual(
      [".generated-files.json", "custom", ...GENERATED, "notes.md"].sort(),
    );
  });

  it("removes a file only when its own manifest lists it and this run no longer makes it", () => {
    const out = join(temp(), "api");
    generate(out);
    const manifestPath = join(out, ".generated-files.json");
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
    manifest.files.push("retired.gen.ts", "../outside.txt");
    writeFileSync(manifestPath, JSON.stringify(manifest));
    writeFileSync(join(out, "retired.gen.ts"), "old");
    writeFileSync(join(dirname(out), "outside.txt"), "not ours");
    expect(generate(out).status).toBe(0);
    expect(existsSync(join(out, "retired.gen.ts"))).toBe(false);
    expect(readFileSync(join(dirname(out), "outside.txt"), "utf8")).toBe("not ours");
    expect(JSON.parse(readFileSync(manifestPath, "utf8")).files).toEqual(GENERATED);
  });

  it("adopts a folder from before manifests that holds only generated files", () => {
    const out = join(temp(), "generated");
    mkdirSync(out);
    for (const name of GENERATED) writeFileSync(join(out, name), "old");
    expect(generate(out).status).toBe(0);
    expect(readFileSync(join(out, "openapi.json"), "utf8")).not.toBe("old");
  });

  it.each([
    [
      "a non-empty folder it has no manifest for",
      (dir: string) => {
        writeFileSync(join(dir, "important.txt"), "keep me");
        return dir;
      },
      /not empty and generate did not write it .*important\.txt/,
    ],
    [
      "a repository root",
      (dir: string) => {
        mkdirSync(join(dir, ".git"));
        return dir;
      },
      /root of a git repository/,
    ],
    ["the project folder", () => repoRoot, /project folder or contains it/],
    [
      "a folder that contains the project",
      () => dirname(repoRoot.replace(/\/$/, "")),
      /project folder or contains it/,
    ],
    ["the file system root", () => "/", /root of the file system/],
    [
      "a file",
      (dir: string) => {
        writeFileSync(join(dir, "file"), "x");
        return join(dir, "file");
      },
      /not a folder/,
    ],
  ])("refuses %s with exit 2 and writes nothing", (_name, setUp, message) => {
    const dir = temp();
    const out = setUp(dir);
    const before = snapshot(out);
    const result = generate(out);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(snapshot(out)).toEqual(before);
  });

  it("refuses the home folder", () => {
    const home = temp();
    writeFileSync(join(home, ".bashrc"), "x");
    const result = generate(home, { ...process.env, HOME: home });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/home folder/);
    expect(readdirSync(home)).toEqual([".bashrc"]);
  });
});
