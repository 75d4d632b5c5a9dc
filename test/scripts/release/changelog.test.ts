import { describe, expect, it } from "vitest";
import type { Change } from "../../../scripts/lib/diff/change.js";
import {
  insertRelease,
  renderRelease,
  splitChangelog,
  unreleasedKind,
} from "../../../scripts/lib/release/changelog.js";

const CHANGELOG = `# Changelog

Preamble.

## Unreleased

Breaking:

- something

## 0.1.0 - 2026-11-26

First release.
`;

const entry = (changes: Change[]) => ({
  version: "0.2.0",
  date: "2026-12-02",
  specPath: "spec/x.yaml",
  sourceLabel: "https://vendor.example/export",
  sha256: "ab".repeat(32),
  changes,
});

describe("the changelog's release entry", () => {
  it("moves the Unreleased notes into the new release, below the spec's changes, and keeps an empty Unreleased", () => {
    const parts = splitChangelog(CHANGELOG);
    expect(parts.unreleased).toBe("Breaking:\n\n- something");
    const release = renderRelease(entry([]), parts.unreleased);
    expect(insertRelease(parts, release)).toBe(`# Changelog

Preamble.

## Unreleased

## 0.2.0 - 2026-12-02

Spec update: \`spec/x.yaml\` replaced by the export from \`https://vendor.example/export\` (sha256 \`abababababab\`); 0 breaking, 0 warnings, 0 info.

No change to callers: the generated code was regenerated.

Breaking:

- something

## 0.1.0 - 2026-11-26

First release.
`);
  });

  it("reads the kind of release the Unreleased notes call for", () => {
    expect(unreleasedKind("Breaking:\n\n- x")).toBe("major");
    expect(unreleasedKind("### Added\n\n- x")).toBe("minor");
    expect(unreleasedKind("Fixed: a typo")).toBe("patch");
    expect(unreleasedKind("  \n")).toBeUndefined();
  });

  it("starts a changelog that has no Unreleased heading before its first release", () => {
    const parts = splitChangelog("# Changelog\n\n## 1.0.0 - 2026-01-01\n\nx\n");
    expect(insertRelease(parts, "## 1.1.0 - 2026-02-02\n\ny\n")).toBe(
      "# Changelog\n\n## Unreleased\n\n## 1.1.0 - 2026-02-02\n\ny\n\n## 1.0.0 - 2026-01-01\n\nx\n",
    );
  });

  it("lists breaking changes first and keeps vendor text from adding markdown or HTML", () => {
    const hostile: Change = {
      id: "request-property-removed",
      level: "warning",
      method: "POST",
      path: "/a",
      message: "`x` removed <img src=x onerror=alert(1)>\n## Injected heading [link](http://evil)",
      source: "spec",
    };
    const breaking: Change = {
      ...hostile,
      id: "api-path-removed-without-deprecation",
      level: "breaking",
      message: "gone",
    };
    const text = renderRelease(entry([hostile, breaking]), "");
    expect(text.indexOf("Breaking (spec):")).toBeLessThan(text.indexOf("Changed (spec):"));
    expect(text).toContain(
      "- `POST /a`: `x` removed \\<img src=x onerror=alert(1)\\> \\#\\# Injected heading \\[link\\](http://evil) (warning) [`request-property-removed`]",
    );
    expect(text).not.toMatch(/^## Injected/m);
  });

  it("lists at most 40 non-breaking changes and counts the rest", () => {
    const many: Change[] = Array.from({ length: 45 }, (_, i) => ({
      id: "new-optional-request-property",
      level: i < 2 ? "warning" : "info",
      method: "POST",
      path: `/p${i}`,
      message: `m${i}`,
      source: "spec",
    }));
    const text = renderRelease(entry(many), "");
    expect(text.match(/^- `POST/gm)).toHaveLength(40);
    expect(text).toContain("- and 5 more (0 of them warnings): see the release PR");
  });
});
