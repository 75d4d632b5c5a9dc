import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic, type Diagnostic } from "../../../scripts/lib/diagnostics.js";
import { generate } from "../../../scripts/lib/generate.js";
import type { GenerateOptions } from "../../../scripts/lib/options.js";

const ok = { "200": { description: "ok" } };

/** Writes the spec's files under a fresh folder and generates from its root file. */
async function generateFrom(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), "name-clash-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, ".."), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  const options: GenerateOptions = {
    root,
    spec: join(root, "spec.yaml"),
    refRoot: root,
    overlays: [],
    out: join(root, "out"),
    check: false,
    infer: true,
    explain: false,
    strict: false,
    quiet: true,
  };
  return generate(options);
}

const clashes = (diagnostics: Diagnostic[]) =>
  diagnostics.filter((d) => d.code === "generated-name-clash");

describe("generated names that clash", () => {
  it("stop the run with an error at the file and line of the second owner", async () => {
    const spec = [
      "openapi: 3.0.3",
      "info: { title: t, version: '1' }",
      "servers: [{ url: 'https://x.test' }]",
      "paths:",
      "  /a:",
      "    get:",
      "      operationId: get-pet",
      `      responses: ${JSON.stringify(ok)}`,
      "  /b:",
      "    get:",
      "      operationId: getPet",
      `      responses: ${JSON.stringify(ok)}`,
    ].join("\n");
    const result = await generateFrom({ "spec.yaml": spec });
    expect(result.files).toBeUndefined();
    const found = clashes(result.diagnostics);
    expect(found.length).toBeGreaterThan(0);
    for (const d of found) {
      expect(d.severity).toBe("error");
      expect(formatDiagnostic(d)).toMatch(
        /^spec\.yaml:10: error \[generated-name-clash\] generated name /,
      );
    }
  });

  it("cite the other file of a multi-file spec that states the operation", async () => {
    const spec = [
      "openapi: 3.0.3",
      "info: { title: t, version: '1' }",
      "servers: [{ url: 'https://x.test' }]",
      "paths:",
      "  /a: { $ref: 'paths/a.yaml' }",
      "  /b: { $ref: 'paths/b.yaml' }",
    ].join("\n");
    const operation = (id: string) =>
      ["get:", `  operationId: ${id}`, `  responses: ${JSON.stringify(ok)}`].join("\n");
    const result = await generateFrom({
      "spec.yaml": spec,
      "paths/a.yaml": operation("get-pet"),
      "paths/b.yaml": `# the second owner\n${operation("getPet")}`,
    });
    const found = clashes(result.diagnostics);
    expect(found.length).toBeGreaterThan(0);
    for (const d of found) expect(formatDiagnostic(d)).toMatch(/^paths\/b\.yaml:2: error /);
  });
});
