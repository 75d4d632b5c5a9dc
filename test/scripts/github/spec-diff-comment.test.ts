import { describe, expect, it } from "vitest";
import { STICKY_MARKER } from "../../../scripts/lib/diff/format-markdown.js";
import { capMarkdown, GITHUB_BODY_LIMIT } from "../../../scripts/lib/github/cap-markdown.js";
import {
  commentBodyFromArtifact,
  composeSpecDiffComment,
  fenced,
} from "../../../scripts/lib/github/spec-diff-comment.js";

const REPORT = `${STICKY_MARKER}\n### API contract changes\n\n**1 breaking**, 0 warnings, 0 info\n`;
const DRIFT =
  "1 generated file(s) are stale:\n  generated/openapi.json:12: differs\nRun `npm run generate` and commit the result.\n";

describe("the spec diff PR comment", () => {
  it("starts with the marker and carries the diff's report", () => {
    const comment = composeSpecDiffComment({
      drift: { status: 0, output: "generated is up to date (4 files)" },
      diff: { status: 1, markdown: REPORT, stderr: "" },
    });
    expect(comment.startsWith(STICKY_MARKER + "\n")).toBe(true);
    expect(comment.split(STICKY_MARKER)).toHaveLength(2);
    expect(comment).toContain("**1 breaking**");
    expect(comment).not.toContain("stale");
  });

  it("says generated/ is stale, with the check's output, and still shows the report", () => {
    const comment = composeSpecDiffComment({
      drift: { status: 1, output: DRIFT },
      diff: { status: 0, markdown: REPORT, stderr: "" },
    });
    expect(comment).toContain("**`generated/` is stale**");
    expect(comment).toContain("generated/openapi.json:12: differs");
    expect(comment.indexOf("is stale")).toBeLessThan(comment.indexOf("### API contract changes"));
  });

  it("says the diff could not run, with its error output, instead of an empty report", () => {
    const comment = composeSpecDiffComment({
      drift: { status: 0, output: "" },
      diff: { status: 2, markdown: "", stderr: "diff: origin/main:spec/x.yaml: unknown git ref\n" },
    });
    expect(comment).toContain("**The spec diff could not run** (exit 2)");
    expect(comment).toContain("unknown git ref");
  });

  it("keeps output with backticks inside its code block", () => {
    expect(fenced("a ``` b")).toBe("````text\na ``` b\n````");
  });

  it("stays under GitHub's 65,536 characters, closing what it cut open and saying where the rest is", () => {
    const rows = Array.from(
      { length: 4000 },
      (_, i) => `| 🔵 info | \`rule\` | change ${i} |`,
    ).join("\n");
    const surface = "<details><summary>TS</summary>\n\n```diff\n" + "+ x: string;\n".repeat(5000);
    const comment = composeSpecDiffComment({
      drift: { status: 0, output: "" },
      diff: { status: 0, markdown: `${REPORT}\n${rows}\n${surface}`, stderr: "" },
      runUrl: "https://github.example/o/r/actions/runs/1",
    });
    expect(comment.length).toBeLessThan(GITHUB_BODY_LIMIT);
    expect(comment).toMatch(
      /This text was cut at [\d,]+ characters \([\d,]+ left out\): the whole text is in the `spec-diff-comment` artifact of https:\/\/github\.example\/o\/r\/actions\/runs\/1/,
    );
    const kept = comment.slice(0, comment.indexOf("> [!NOTE]"));
    expect((kept.match(/^```/gm) ?? []).length % 2).toBe(0);
    expect((kept.match(/<details>/g) ?? []).length).toBe((kept.match(/<\/details>/g) ?? []).length);
  });

  it("leaves text that fits as it is, and never splits a surrogate pair", () => {
    expect(capMarkdown("short", "x")).toBe("short");
    const emoji = "🔴".repeat(40_000);
    const capped = capMarkdown(emoji, "there");
    expect(capped.length).toBeLessThan(GITHUB_BODY_LIMIT);
    expect(capped).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it("from an artifact: one marker, first, whatever the artifact held, and capped", () => {
    const body = commentBodyFromArtifact(`hello ${STICKY_MARKER} again ${STICKY_MARKER}`);
    expect(body.startsWith(`${STICKY_MARKER}\n`)).toBe(true);
    expect(body.split(STICKY_MARKER)).toHaveLength(2);
    expect(commentBodyFromArtifact("x".repeat(200_000)).length).toBeLessThan(GITHUB_BODY_LIMIT);
  });
});
