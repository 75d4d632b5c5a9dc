import { cpSync, mkdtempSync, realpathSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic, type Diagnostic } from "../../../scripts/lib/diagnostics.js";
import { generate } from "../../../scripts/lib/generate.js";
import type { GenerateOptions } from "../../../scripts/lib/options.js";
import { repoRoot as repoRootSlash } from "../../helpers/run-generate.js";

// As the CLI resolves it: no trailing slash.
const repoRoot = resolve(repoRootSlash);

const FIXTURE = "test/fixtures/specs/multi-file-diagnostics";
const DIGITALOCEAN = "test/fixtures/diff-history/digitalocean";

/**
 * The generator as `npm run generate` runs it, stopped by `--strict` before rendering (every
 * spec here has warnings): only its diagnostics are looked at, in milliseconds.
 */
async function diagnosticsOf(spec: string, root = repoRoot): Promise<Diagnostic[]> {
  const options: GenerateOptions = {
    root,
    spec,
    refRoot: dirname(spec),
    overlays: [],
    out: join(tmpdir(), "diagnostic-files-never-written"),
    check: false,
    infer: true,
    explain: false,
    strict: true,
    quiet: true,
  };
  const result = await generate(options);
  expect(result.files).toBeUndefined();
  return result.diagnostics;
}

/** `file:line [code] pointer` for each diagnostic of a code: what the assertions compare. */
function cited(diagnostics: Diagnostic[], code: string): string[] {
  return diagnostics
    .filter((d) => d.code === code)
    .map((d) => `${d.location.file}:${d.location.line} ${d.location.pointer ?? ""}`.trim());
}

describe("a multi-file spec's diagnostics cite the file that states the thing, at its line", () => {
  it("names each file by its path from the project, as the root file is named", async () => {
    const diagnostics = await diagnosticsOf(join(repoRoot, FIXTURE, "root.yaml"));
    // A path item written in paths/pets.yaml: its request body is on that file's line 5.
    expect(cited(diagnostics, "request-body-not-required")).toEqual([
      `${FIXTURE}/paths/pets.yaml:5 #/paths/~1pets/post/requestBody`,
    ]);
    // A component written in models/pet.yaml: `status` is its line 8, whatever name it got.
    expect(cited(diagnostics, "required-with-default")).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${FIXTURE}/models/pet\\.yaml:8 #/components/schemas/Pet\\d*/properties/status$`,
        ),
      ),
    ]);
    // Repaired on its own before it could be parsed: its own line, not the root's.
    expect(cited(diagnostics, "yaml-unquoted-colon")).toEqual([
      `${FIXTURE}/models/owners/owner.yaml:5`,
    ]);
    // What the root states stays the root's.
    expect(cited(diagnostics, "no-servers")).toEqual([`${FIXTURE}/root.yaml:1 #`]);
  });

  it("names them by their path from the root spec's folder when the spec is outside the project", async () => {
    const outside = realpathSync(mkdtempSync(join(tmpdir(), "diagnostic-files-")));
    cpSync(join(repoRoot, FIXTURE), outside, { recursive: true });
    const diagnostics = await diagnosticsOf(join(outside, "root.yaml"));
    expect(cited(diagnostics, "request-body-not-required")).toEqual([
      "paths/pets.yaml:5 #/paths/~1pets/post/requestBody",
    ]);
    expect(cited(diagnostics, "yaml-unquoted-colon")).toEqual(["models/owners/owner.yaml:5"]);
    expect(cited(diagnostics, "no-servers")).toEqual(["root.yaml:1 #"]);
    expect(diagnostics.map(formatDiagnostic).join("\n")).not.toContain(outside);
  });
});

describe("on DigitalOcean's real multi-file spec (trimmed)", () => {
  it("cites a parameter's required-with-default in resources/apps/parameters.yml, at `log_type:`", async () => {
    const side = `${DIGITALOCEAN}/query-parameter-became-required/head`;
    const diagnostics = await diagnosticsOf(join(repoRoot, side, "DigitalOcean-public.v2.yaml"));
    expect(cited(diagnostics, "required-with-default")).toEqual([
      `${side}/resources/apps/parameters.yml:63 #/components/parameters/LogType`,
    ]);
    // Not one warning about the other files is left citing the root file.
    const root = diagnostics.filter((d) => d.location.file.endsWith("DigitalOcean-public.v2.yaml"));
    expect(root.map((d) => d.code)).toEqual([]);
  });

  it("cites a schema's prose warning in resources/databases/models/postgres.yml, at its description", async () => {
    const side = `${DIGITALOCEAN}/all-of-unwrapped/base`;
    const diagnostics = await diagnosticsOf(join(repoRoot, side, "DigitalOcean-public.v2.yaml"));
    expect(cited(diagnostics, "prose-default-type-mismatch")).toEqual([
      expect.stringMatching(
        new RegExp(`^${side}/resources/databases/models/postgres\\.yml:17 #/components/schemas/`),
      ),
    ]);
  });
});
