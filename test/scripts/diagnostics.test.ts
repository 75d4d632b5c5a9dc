import { describe, expect, it } from "vitest";
import { Diagnostics, formatDiagnostic } from "../../scripts/lib/diagnostics.js";

describe("formatDiagnostic", () => {
  it("prints file:line, severity, code, message and pointer on one grep-friendly line", () => {
    const diagnostics = new Diagnostics("spec/x.yaml", () => 28);
    diagnostics.warn("some-code", "a message", { pointer: "#/paths/~1a" });
    expect(formatDiagnostic(diagnostics.items[0]!)).toBe(
      "spec/x.yaml:28: warning [some-code] a message (at #/paths/~1a)",
    );
  });

  it("shows a hostile file name's terminal escapes, and those of its pointer and message, as text", () => {
    // A `$ref` names the file: `evil\x1b]0;pwned\x07.yaml` would retitle the terminal.
    const diagnostics = new Diagnostics(
      "spec/root.yaml",
      () => 1,
      () => ({
        file: "resources/evil\u001b]0;pwned\u0007.yaml",
        line: 3,
      }),
    );
    diagnostics.warn("c", "key \u001b[2Jgone\u202e", { pointer: "#/a\u001b[31m" });
    const line = formatDiagnostic(diagnostics.items[0]!);
    expect(line).toBe(
      "resources/evil\\u001b]0;pwned\\u0007.yaml:3: warning [c] key \\u001b[2Jgone\\u202e (at #/a\\u001b[31m)",
    );
    // The collected diagnostic itself keeps the real name: only what is printed is escaped.
    expect(diagnostics.items[0]!.location.file).toBe("resources/evil\u001b]0;pwned\u0007.yaml");
  });

  it("lets a placed pointer land in another file, while an explicit line stays in the collector's", () => {
    const diagnostics = new Diagnostics(
      "root.yaml",
      () => 9,
      (pointer) =>
        pointer.startsWith("#/components")
          ? { file: "models/pet.yaml", line: 4 }
          : { file: "root.yaml", line: 2 },
    );
    diagnostics.warn("a", "in a model", { pointer: "#/components/schemas/Pet" });
    diagnostics.warn("b", "in the root", { pointer: "#/info" });
    diagnostics.warn("c", "raw text", { line: 7 });
    expect(diagnostics.items.map((d) => `${d.location.file}:${d.location.line}`)).toEqual([
      "models/pet.yaml:4",
      "root.yaml:2",
      "root.yaml:7",
    ]);
  });
});
