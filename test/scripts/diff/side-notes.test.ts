import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../../scripts/lib/diagnostics.js";
import { sideNoteLines } from "../../../scripts/lib/diff/side-notes.js";

const stale = (file: string, line: number): Diagnostic => ({
  severity: "error",
  code: "overlay-stale-target",
  message: `target #${line} matches nothing in the spec`,
  location: { file, line },
});

describe("the notes diff prints about its sides", () => {
  it("prints a note both sides share once", () => {
    const note = stale("spec/overlays/a.overlay.yaml", 9);
    expect(sideNoteLines([note, note])).toEqual([
      "note: spec/overlays/a.overlay.yaml:9: error [overlay-stale-target] target #9 matches nothing in the spec",
    ]);
  });

  it("sums up an overlay file whose targets match nothing (another API's spec) in one line", () => {
    const notes = [9, 16, 21, 27, 32].map((line) => stale("spec/overlays/a.overlay.yaml", line));
    const other = stale("spec/overlays/b\u001b[31m.overlay.yaml", 3);
    const lines = sideNoteLines([...notes, other, other, other, stale(other.location.file, 4)]);
    expect(lines).toHaveLength(2 + 2 + 1);
    expect(lines[0]).toContain("a.overlay.yaml:9:");
    expect(lines[1]).toContain("a.overlay.yaml:16:");
    expect(lines).toContain(
      "note: spec/overlays/a.overlay.yaml: 3 more overlay actions match nothing in this spec; if it is another API's spec, --no-overlays leaves the repository's overlays out",
    );
    // Vendor text never reaches the terminal raw: an escape in a file name is shown, not obeyed.
    expect(lines.join("\n")).not.toContain("\u001b");
  });
});
