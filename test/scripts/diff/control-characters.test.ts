import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildContract } from "../../../scripts/lib/build-contract.js";
import { compareDocuments } from "../../../scripts/lib/diff/compare-document.js";
import { formatJson } from "../../../scripts/lib/diff/format-json.js";
import { formatMarkdown } from "../../../scripts/lib/diff/format-markdown.js";
import { formatText } from "../../../scripts/lib/diff/format-text.js";
import type { DiffReport } from "../../../scripts/lib/diff/report.js";
import { diffSurface } from "../../../scripts/lib/diff/surface-diff.js";
import { repoRoot } from "../../helpers/run-generate.js";

const seed = readFileSync(join(repoRoot, "test/fixtures/seed/chainhub-fal-ai.apifox.yaml"), "utf8");

// A vendor's new export whose names carry what a terminal acts on: a red colour, a screen
// clear, an OSC 8 hyperlink, a C1 control introducer, a right-to-left override.
const HOSTILE =
  '"x\\e[31mred\\e[2J\\e]8;;https://evil.test\\aclick\\e]8;;\\a\\x9b2K\\u202Egpj.exe"';
const head = seed
  .replace(
    "                image_url:\n",
    `                ${HOSTILE}:\n                  type: string\n                image_url:\n`,
  )
  .replace("  /fal-ai/flux-pro/kontext/max:", `  "/fal-ai/flux-pro/kontext/max":`)
  .replace(
    "components:",
    `  "/fal-ai/\\e[2Jnew":\n    get:\n      responses:\n        '204':\n          description: ''\ncomponents:`,
  );

function report(): DiffReport {
  const base = buildContract({ name: "base.yaml", text: seed }).document!;
  const after = buildContract({ name: "head.yaml", text: head }).document!;
  return {
    base: "base.yaml",
    head: "head.yaml",
    changes: compareDocuments(base, after),
    surface: diffSurface(base, after),
  };
}

// What a terminal (or a reviewer's eye) would act on rather than show.
// eslint-disable-next-line no-control-regex
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe("the diff's report of a spec whose names carry control characters", () => {
  const diff = report();

  it("has the hostile names to show (the comparison sees them)", () => {
    expect(diff.changes.map((c) => c.message).join("\n")).toMatch(ACTIVE);
    expect(diff.surface.map((c) => c.name).join("\n")).toMatch(ACTIVE);
  });

  it.each([
    ["text", formatText],
    ["markdown", (r: DiffReport) => formatMarkdown(r)],
  ])("in %s, shows every one of them as an escape", (_format, format) => {
    const text = format(diff);
    expect(text).not.toMatch(ACTIVE);
    expect(text).toContain("x\\u001b[31mred\\u001b[2J\\u001b]8;;https://evil.test\\u0007click");
    expect(text).toContain("\\u009b2K\\u202egpj.exe");
    expect(text).toContain("/fal-ai/\\u001b[2Jnew");
  });

  it("in JSON, escapes them too, and parses back to the same names", () => {
    const text = formatJson(diff);
    expect(text).not.toMatch(ACTIVE);
    const parsed = JSON.parse(text) as { changes: { message: string }[] };
    expect(parsed.changes.map((c) => c.message)).toEqual(diff.changes.map((c) => c.message));
  });
});
