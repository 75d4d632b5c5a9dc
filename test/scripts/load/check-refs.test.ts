import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildContract } from "../../../scripts/lib/build-contract.js";
import { formatDiagnostic } from "../../../scripts/lib/diagnostics.js";
import { diskReader } from "../../../scripts/lib/load/spec-files.js";

const ROOT = `openapi: 3.0.3
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    Pet:
      $ref: ./schemas/missing.yaml
    Tag:
      $ref: "#/components/schemas/Nope"
`;

describe("a $ref that cannot be followed", () => {
  it("is one error at its line, saying why (not a second one saying it was not bundled)", () => {
    const folder = mkdtempSync(join(tmpdir(), "check-refs-"));
    const path = join(folder, "root.yaml");
    writeFileSync(path, ROOT);
    const contract = buildContract({ name: "root.yaml", text: ROOT, id: path }, [], {
      reader: diskReader(folder, (p) => p.slice(folder.length + 1)),
    });
    const errors = contract.diagnostics.filter((d) => d.severity === "error").map(formatDiagnostic);
    expect(errors).toEqual([
      expect.stringMatching(
        /^root\.yaml:7: error \[unresolved-ref\] cannot read schemas\/missing\.yaml \(ENOENT\)/,
      ),
      expect.stringMatching(
        /^root\.yaml:9: error \[unresolved-ref\] #\/components\/schemas\/Nope does not exist/,
      ),
    ]);
  });
});
