import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runGenerate } from "../../helpers/run-generate.js";
import { typecheckStrict } from "../../helpers/typecheck.js";

const PEER = "test/fixtures/peer-specs/openapi-typescript";

function generate(spec: string, out: string, extra: string[] = []) {
  return runGenerate(["--spec", spec, "--out", out, "--quiet", ...extra]);
}

function typecheck(out: string): string {
  return typecheckStrict(out).output;
}

/** Writes a small multi-file spec into a temp folder: `{ "root.yaml": "...", "a/b.yaml": "..." }`. */
function specTree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "multi-file-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const ROOT_HEAD = 'openapi: "3.0.3"\ninfo: { title: t, version: "1" }\n';

describe("specs from openapi-typescript's own tests", () => {
  it.each([
    ["path-object-refs.yaml"],
    ["parameters-test.yaml"],
    ["nested-ref.yaml"],
    ["jsonschema-defs.yaml"],
    ["yaml-merge.yaml"],
    ["multi-line-descriptions.yaml"],
  ])("%s generates one contract that type-checks under --strict", (spec) => {
    const out = join(mkdtempSync(join(tmpdir(), "peer-")), "out");
    const result = generate(`${PEER}/${spec}`, out);
    expect(result.stderr).not.toMatch(/error|^\s+at /m);
    expect(result.status).toBe(0);
    const contract = readFileSync(join(out, "openapi.json"), "utf8");
    expect(contract).not.toMatch(/"\$ref": "[^#]/);
    expect(typecheck(out)).toBe("");
  });

  it("resolves references against the file that holds them, not the working folder", () => {
    const out = join(mkdtempSync(join(tmpdir(), "peer-")), "out");
    generate(`${PEER}/path-object-refs.yaml`, out);
    const contract = JSON.parse(readFileSync(join(out, "openapi.json"), "utf8"));
    // `#/Item` inside the paths file means that file's Item, bundled as a component.
    expect(contract.components.schemas.Item.required).toEqual(["id", "name"]);
    expect(contract.paths["/get-item"].description).toBe("Remote Ref");
    expect(
      contract.paths["/get-item"].get.responses["200"].content["application/json"].schema,
    ).toEqual({
      $ref: "#/components/schemas/Item",
    });
  });
});

describe("multi-file specs that cannot be bundled fail with file:line, never a stack trace", () => {
  it.each([
    [
      "a missing file",
      {
        "root.yaml": `${ROOT_HEAD}paths: {}\ncomponents:\n  schemas:\n    Pet:\n      $ref: ./schemas/missing.yaml\n`,
      },
      /root\.yaml:7: error \[unresolved-ref\] cannot read schemas\/missing\.yaml|root\.yaml:7: error \[unresolved-ref\] cannot read .*missing\.yaml \(ENOENT\)/,
    ],
    [
      "a pointer that does not exist in the other file",
      {
        "root.yaml": `${ROOT_HEAD}paths: {}\ncomponents:\n  schemas:\n    Pet:\n      $ref: ./pet.yaml#/Nope\n`,
        "pet.yaml": "Pet:\n  type: object\n",
      },
      /root\.yaml:7: error \[unresolved-ref\] \.\/pet\.yaml#\/Nope: \/Nope does not exist in .*pet\.yaml/,
    ],
    [
      "a file outside the spec's folder",
      {
        "spec/root.yaml": `${ROOT_HEAD}paths: {}\ncomponents:\n  schemas:\n    Secret:\n      $ref: ../secret.yaml\n`,
        "secret.yaml": "type: object\n",
      },
      /root\.yaml:7: error \[unresolved-ref\] \.\.\/secret\.yaml is outside .*; only files under the spec's folder are read/,
    ],
    [
      "a remote reference",
      {
        "root.yaml": `${ROOT_HEAD}paths: {}\ncomponents:\n  schemas:\n    Pet:\n      $ref: https://example.com/pet.yaml\n`,
      },
      /root\.yaml:7: error \[unresolved-ref\] remote reference "https:\/\/example\.com\/pet\.yaml" is not fetched/,
    ],
    [
      "a missing local target",
      {
        "root.yaml": `${ROOT_HEAD}paths: {}\ncomponents:\n  schemas:\n    Pet:\n      $ref: "#/components/schemas/Nope"\n`,
      },
      /root\.yaml:7: error \[unresolved-ref\] #\/components\/schemas\/Nope does not exist in the document/,
    ],
    [
      "references that loop without a definition",
      {
        "root.yaml": `${ROOT_HEAD}paths: {}\ncomponents:\n  schemas:\n    A:\n      $ref: "#/components/schemas/B"\n    B:\n      $ref: "#/components/schemas/A"\n`,
      },
      /error \[ref-cycle\] .* loop without reaching a definition/,
    ],
    [
      "a broken file it refers to",
      {
        "root.yaml": `${ROOT_HEAD}paths: {}\ncomponents:\n  schemas:\n    Pet:\n      $ref: ./pet.yaml\n`,
        "pet.yaml": "type: object\nproperties:\n  a: [unclosed\n",
      },
      /pet\.yaml:\d+: error \[yaml-syntax\]/,
    ],
  ])("%s", (_name, files, message) => {
    const dir = specTree(files);
    const spec = join(dir, Object.keys(files)[0]!);
    const out = join(dir, "out");
    const result = generate(spec, out);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(dir)).not.toContain("out");
  });

  it("keeps a recursive schema across files as a reference, not an endless copy", () => {
    const dir = specTree({
      "root.yaml": `${ROOT_HEAD}paths:\n  /tree:\n    get:\n      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema:\n                $ref: ./node.yaml\n`,
      "node.yaml":
        "type: object\nproperties:\n  children:\n    type: array\n    items:\n      $ref: ./node.yaml\n",
    });
    const out = join(dir, "out");
    expect(generate(join(dir, "root.yaml"), out).status).toBe(0);
    const contract = JSON.parse(readFileSync(join(out, "openapi.json"), "utf8"));
    expect(contract.components.schemas.Node.properties.children.items).toEqual({
      $ref: "#/components/schemas/Node",
    });
    expect(typecheck(out)).toBe("");
  });

  it("--ref-root widens where references may be read from", () => {
    const dir = specTree({
      "spec/root.yaml": `${ROOT_HEAD}paths: {}\ncomponents:\n  schemas:\n    Shared:\n      $ref: ../shared/thing.yaml\n`,
      "shared/thing.yaml": "type: string\n",
    });
    const result = generate(join(dir, "spec/root.yaml"), join(dir, "out"), ["--ref-root", dir]);
    expect(result.status).toBe(0);
  });
});
