import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { diffCommand } from "../../helpers/run-generate.js";

/** A repository whose spec is a root file plus files its `$ref`s name, in two commits. */
function repositoryWithTwoCommits(): { repo: string; base: string; head: string } {
  const repo = mkdtempSync(join(tmpdir(), "multi-file-lines-"));
  const write = (files: Record<string, string>) => {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(repo, name)), { recursive: true });
      writeFileSync(join(repo, name), text);
    }
  };
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t.test", ...args], {
      cwd: repo,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    }).trim();
  write({
    "api/root.yaml": [
      'openapi: "3.0.3"',
      "info: { title: pets, version: '1' }",
      "paths:",
      "  /pets:",
      "    get:",
      '      $ref: "paths/pets (list).yaml"',
      "",
    ].join("\n"),
    "api/paths/pets (list).yaml": listPets(false),
    "api/models/pet.yaml": pet(["id", "name"]),
  });
  git("init", "-q", "-b", "main");
  git("add", ".");
  git("commit", "-qm", "base");
  const base = git("rev-parse", "HEAD");
  write({ "api/models/pet.yaml": pet(["id"]), "api/paths/pets (list).yaml": listPets(true) });
  git("commit", "-qam", "head");
  return { repo, base, head: git("rev-parse", "HEAD") };
}

function listPets(withLimit: boolean): string {
  return [
    "operationId: listPets",
    ...(withLimit
      ? ["parameters:", "  - { name: limit, in: query, required: true, schema: { type: integer } }"]
      : []),
    "responses:",
    '  "200":',
    "    description: the pets",
    "    content:",
    "      application/json:",
    "        schema:",
    "          $ref: '../models/pet.yaml'",
    "",
  ].join("\n");
}

function pet(required: string[]): string {
  return [
    "type: object",
    `required: [${required.join(", ")}]`,
    "properties:",
    "  id: { type: integer }",
    "  name: { type: string }",
    "",
  ].join("\n");
}

function diff(repo: string, args: string[]) {
  return spawnSync(process.execPath, diffCommand([...args, "--no-overlays"]), {
    cwd: repo,
    encoding: "utf8",
    env: { ...process.env, GITHUB_SERVER_URL: "", GITHUB_REPOSITORY: "" },
  });
}

describe("lines in a multi-file spec", () => {
  const { repo, base, head } = repositoryWithTwoCommits();
  const sides = ["main~1:api/root.yaml", "main:api/root.yaml"];
  const blob = (commit: string, path: string, line: number) =>
    `https://github.com/o/r/blob/${commit}/${path}#L${line}`;

  // One run serves both rows' tests: each run is a process.
  let markdown: string | undefined;
  const rowOf = (rule: string) => {
    markdown ??= diff(repo, [
      ...sides,
      "--format",
      "markdown",
      "--repo-url",
      "https://github.com/o/r",
    ]).stdout;
    return markdown.split("\n").find((l) => l.includes(`\`${rule}\``));
  };

  it("cites and links a model's own file at each side's commit, not the root file", () => {
    expect(rowOf("response-property-became-optional")).toContain(
      `| [main:api/models/pet.yaml:5](${blob(head, "api/models/pet.yaml", 5)}) (was [main~1:api/models/pet.yaml:5](${blob(base, "api/models/pet.yaml", 5)})) |`,
    );
  });

  it("cites an operation's own file, its parentheses escaped in the link so the link ends where it should", () => {
    // The base has no parameters: its nearest stated part is the operation's file itself.
    expect(rowOf("new-required-request-parameter")).toContain(
      `| [main:api/paths/pets (list).yaml:3](${blob(head, "api/paths/pets%20%28list%29.yaml", 3)}) (was [main~1:api/paths/pets (list).yaml:1](${blob(base, "api/paths/pets%20%28list%29.yaml", 1)})) |`,
    );
  });

  it("names a working-tree file by its path in the repository, linked at HEAD", () => {
    const result = diff(repo, [
      sides[0]!,
      "api/root.yaml",
      "--format",
      "json",
      "--repo-url",
      "https://x.test/r",
    ]);
    const changes: { id: string; where: unknown }[] = JSON.parse(result.stdout).changes;
    expect(changes.find((c) => c.id === "response-property-became-optional")?.where).toEqual({
      base: {
        file: "main~1:api/models/pet.yaml",
        line: 5,
        url: `https://x.test/r/blob/${base}/api/models/pet.yaml#L5`,
      },
      head: {
        file: "api/models/pet.yaml",
        line: 5,
        url: `https://x.test/r/blob/${head}/api/models/pet.yaml#L5`,
      },
    });
  });
});
