import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { describe, expect, it } from "vitest";
import { levelOf, type Change } from "../../scripts/lib/diff/change.js";
import { formatMarkdown, STICKY_MARKER } from "../../scripts/lib/diff/format-markdown.js";
import { splitCodeSpans } from "../../scripts/lib/markdown-spans.js";
import { markdownLine } from "../../scripts/lib/release/markdown-text.js";

// A CommonMark renderer with GitHub's tables and its leniency to raw HTML: what a reviewer sees.
const markdown = new MarkdownIt({ html: true });

function tokensOf(text: string): Token[] {
  const all: Token[] = [];
  const walk = (tokens: Token[]) => {
    for (const token of tokens) {
      all.push(token);
      if (token.children) walk(token.children);
    }
  };
  walk(markdown.parse(text, {}));
  return all;
}

/** What the reader sees of a block's inline tokens, the zero-width spaces aside. */
function shownText(tokens: Token[]): string {
  return tokens
    .filter((t) => t.type === "text" || t.type === "code_inline")
    .map((t) => t.content)
    .join("")
    .replace(/\u200b/g, "");
}

// Names and enum values a vendor's export can hold, each meant to act rather than be shown.
const HOSTILE = [
  "`<img src=https://evil.test/t.png>``",
  "\\`<img src=https://evil.test/u.png>`",
  "``<a href=https://evil.test>x</a>`",
  "x|y`z</code><script>alert(1)</script>",
  "ping @octocat and @octo-org/team, see octo-org/octo-repo#1",
  "[click](https://evil.test) ![i](https://evil.test/i.png)",
  "a`<img src=https://evil.test/v.png>`b",
];

// The diff's own message shapes: a value outside a code span, a name inside one.
const MESSAGES = HOSTILE.flatMap((value) => [
  `\`aspect_ratio\` gained enum value ${JSON.stringify(value)}`,
  `\`${value}\` added`,
]);

function expectInert(tokens: Token[]): void {
  const acting = tokens.filter(
    (t) =>
      ["html_inline", "html_block", "link_open", "image"].includes(t.type) &&
      // The comment's own marker, which the workflow finds it by.
      t.content.trim() !== STICKY_MARKER,
  );
  expect(acting).toEqual([]);
  for (const token of tokens.filter((t) => t.type === "text")) {
    // GitHub turns these into a notification or a cross-reference when they are plain text.
    expect(token.content).not.toMatch(/(?<!\w)@\w/);
    expect(token.content).not.toMatch(/#\d/);
  }
}

describe("vendor text in the diff's PR comment", () => {
  it.each(MESSAGES)("renders %j as text, with no HTML, link or mention of its own", (message) => {
    const change: Change = {
      id: "request-property-enum-value-added",
      level: levelOf("request-property-enum-value-added"),
      method: "POST",
      path: "/fal-ai/flux-pro/kontext/max",
      message,
      source: "spec",
    };
    const text = formatMarkdown({ base: "a", head: "b", changes: [change], surface: [] });
    const tokens = tokensOf(text);
    expectInert(tokens);
    // The cell shows the message as written: only our code spans' backticks are gone.
    const cells = tokens.filter((t) => t.type === "inline");
    const shown = cells.map((cell) => shownText(cell.children ?? []));
    const expected = splitCodeSpans(message)
      .map((s) => s.text)
      .join("");
    expect(shown).toContain(expected);
  });
});

describe("vendor text in a changelog line", () => {
  it.each(MESSAGES)("renders %j as text, with no HTML, link or mention of its own", (message) => {
    const line = `- ${markdownLine(message)}`;
    const tokens = tokensOf(line);
    expectInert(tokens);
    const inline = tokens.find((t) => t.type === "inline")!;
    expect(shownText(inline.children ?? [])).toBe(
      splitCodeSpans(message)
        .map((s) => s.text)
        .join("")
        .trim(),
    );
  });
});
