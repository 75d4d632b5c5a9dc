import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runGenerate } from "../helpers/run-generate.js";

const FIXTURE = "test/fixtures/specs/multi-endpoint.apifox.yaml";
const FIXTURE_OVERLAY = "test/fixtures/specs/multi-endpoint.overlay.yaml";

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "chainhub-gen-"));
}

function readTree(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [name, readFileSync(join(dir, name), "utf8")]),
  );
}

describe("npm run generate on a six-endpoint export", () => {
  let out: string;
  let first: ReturnType<typeof runGenerate>;

  beforeAll(() => {
    out = join(tempDir(), "generated");
    first = runGenerate(["--spec", FIXTURE, "--overlay", FIXTURE_OVERLAY, "--out", out]);
  });

  it("writes the contract and the typed files, warning about each repair with its line", () => {
    expect(first.status).toBe(0);
    expect(Object.keys(readTree(out))).toEqual([
      ".generated-files.json",
      "index.gen.ts",
      "openapi.json",
      "operations.gen.ts",
      "schema.gen.ts",
    ]);
    expect(first.stderr).toContain(`${FIXTURE}:26: warning [yaml-unquoted-colon]`);
    expect(first.stderr).toContain(`${FIXTURE}:33: warning [apifox-enum]`);
  });

  it("names every operation and recovers constraints from every phrasing", () => {
    const operations = readFileSync(join(out, "operations.gen.ts"), "utf8");
    for (const name of [
      "FalAiFluxDevInput",
      "FalAiRecraftV3Input",
      "FalAiStableAudioInput",
      "FalAiWhisperInput",
      "FalAiAnyLlmInput",
      "GetFalAiFluxLoraRequestsByRequestIdOutput",
    ]) {
      expect(operations).toContain(`export type ${name} =`);
    }
    expect(operations).toContain(
      'export type FalAiFluxDevAcceleration = "none" | "regular" | "high";',
    );
    expect(operations).toMatch(
      /export type FalAiRecraftV3Style =\s+"realistic_image" \| "digital_illustration" \| "vector_illustration";/,
    );
    expect(operations).toContain('export type FalAiStableAudioFormat = "wav" | "mp3" | "flac";');
    const contract = JSON.parse(readFileSync(join(out, "openapi.json"), "utf8"));
    const llm =
      contract.paths["/fal-ai/any-llm"].post.requestBody.content["application/json"].schema
        .properties;
    expect(llm.temperature).toMatchObject({ minimum: 0, maximum: 2, default: 1 });
    expect(llm.prompt).toMatchObject({ minLength: 1, maxLength: 4000 });
  });

  it("documents acceleration's values one by one, from x-apifox-enum", () => {
    const schema = readFileSync(join(out, "schema.gen.ts"), "utf8");
    expect(schema).toContain('- "none": Full quality');
    expect(schema).toContain("@minimum 1");
    expect(schema).toContain("@maximum 50");
  });

  it("produces identical bytes when run again", () => {
    const again = join(tempDir(), "generated");
    expect(
      runGenerate(["--spec", FIXTURE, "--overlay", FIXTURE_OVERLAY, "--out", again]).status,
    ).toBe(0);
    expect(readTree(again)).toEqual(readTree(out));
  });

  it("--check passes on fresh output and fails naming the file and line once it is edited", () => {
    const args = ["--spec", FIXTURE, "--overlay", FIXTURE_OVERLAY, "--out", out, "--check"];
    expect(runGenerate(args).status).toBe(0);
    const file = join(out, "schema.gen.ts");
    const original = readFileSync(file, "utf8");
    writeFileSync(file, original.replace("prompt: string;", "prompt: any;"));
    const stale = runGenerate(args);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toMatch(/schema\.gen\.ts:\d+: differs/);
    expect(stale.stderr).toContain("Run `npm run generate`");
    writeFileSync(file, original);
  });
});

describe("npm run generate on bad input", () => {
  function withExistingOutput() {
    const out = join(tempDir(), "generated");
    expect(runGenerate(["--spec", FIXTURE, "--out", out]).status).toBe(0);
    return { out, before: readTree(out) };
  }

  it("fails with file:line on YAML it cannot repair and leaves the old output untouched", () => {
    const { out, before } = withExistingOutput();
    const bad = join(tempDir(), "bad.apifox.yaml");
    writeFileSync(
      bad,
      readFileSync(FIXTURE, "utf8").replace("      parameters: []\n", "      parameters: [\n"),
    );
    const result = runGenerate(["--spec", bad, "--out", out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/bad\.apifox\.yaml:\d+: error \[yaml-syntax\]/);
    expect(result.stderr).toContain("was not touched");
    expect(readTree(out)).toEqual(before);
  });

  it("fails on an overlay whose target went stale, naming the overlay's line", () => {
    const { out, before } = withExistingOutput();
    const overlay = join(tempDir(), "stale.overlay.yaml");
    writeFileSync(
      overlay,
      "overlay: 1.0.0\ninfo:\n  title: t\n  version: '1'\nactions:\n  - target: $.paths['/gone'].post\n    update:\n      summary: x\n",
    );
    const result = runGenerate(["--spec", FIXTURE, "--overlay", overlay, "--out", out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/stale\.overlay\.yaml:6: error \[overlay-stale-target\]/);
    expect(readTree(out)).toEqual(before);
  });

  it("--strict turns the export's repairs into errors", () => {
    const { out, before } = withExistingOutput();
    const result = runGenerate(["--spec", FIXTURE, "--out", out, "--strict"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("--strict: warnings count as errors");
    expect(readTree(out)).toEqual(before);
  });

  it("exits 2 on an unknown flag and on a missing spec file", () => {
    expect(runGenerate(["--nope"]).status).toBe(2);
    const missing = runGenerate(["--spec", "no/such.yaml", "--out", join(tempDir(), "g")]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("no/such.yaml: cannot read (ENOENT)");
  });
});
