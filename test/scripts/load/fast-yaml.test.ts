import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LineCounter, parseDocument } from "yaml";
import { Diagnostics } from "../../../scripts/lib/diagnostics.js";
import { fastLineIndex, parseYamlFast } from "../../../scripts/lib/load/fast-yaml.js";
import { MAX_ALIAS_COUNT } from "../../../scripts/lib/load/input-bounds.js";
import { parseYaml } from "../../../scripts/lib/load/parse-yaml.js";
import { yamlLineIndex } from "../../../scripts/lib/load/yaml-line-index.js";

const root = join(import.meta.dirname, "../../..");

/** What the `yaml` library makes of a text, configured as parse-yaml.ts configures it. */
function readSlowly(text: string): { value: unknown; lines: Map<string, number> } | "error" {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (document.errors.length > 0) return "error";
  try {
    const value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { value, lines: yamlLineIndex(document, lineCounter) };
  } catch {
    return "error";
  }
}

/** A value written out with its key order, `-0`, NaN and undefined kept apart. */
function written(value: unknown): string {
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value !== "object" || value === null) return JSON.stringify(value) ?? String(value);
  if (Array.isArray(value)) return `[${value.map(written).join(",")}]`;
  const entries = Object.keys(value).map((key) => {
    const own = Object.getOwnPropertyDescriptor(value, key)!;
    return `${JSON.stringify(key)}${own.enumerable && own.writable ? ":" : "(odd):"}${written(own.value)}`;
  });
  return `{${entries.join(",")}}`;
}

/**
 * Where a value repeats one object (an alias): each later place with the first place it was
 * met, so that two values compare on what they share as well as on what they hold.
 */
function sharing(value: unknown): string[] {
  const first = new Map<object, string>();
  const repeats: string[] = [];
  const walk = (node: unknown, path: string): void => {
    if (typeof node !== "object" || node === null) return;
    const seen = first.get(node);
    if (seen !== undefined) return void repeats.push(`${path} is ${seen}`);
    first.set(node, path);
    for (const [key, child] of Object.entries(node)) walk(child, `${path}/${key}`);
  };
  walk(value, "#");
  return repeats;
}

/** The fast path's answer for `text`, checked against the `yaml` library's; true when it took it. */
function expectSameOrDeferred(text: string, name: string): boolean {
  const fast = parseYamlFast(text, false);
  if (fast === undefined) return false;
  const slow = readSlowly(text);
  expect(slow, `${name}: the yaml library rejects what the fast path read`).not.toBe("error");
  if (slow === "error") return true;
  expect(written(fast.value), name).toBe(written(slow.value));
  expect(sharing(fast.value), name).toEqual(sharing(slow.value));
  // As text: a deep comparison of two 100,000-entry objects is slow, and a mismatch still
  // shows (the first differing entry is near the start of a diff).
  const entries = (lines: Map<string, number>) => [...lines].sort().join("\n");
  expect(entries(fastLineIndex(fast)), name).toBe(entries(slow.lines));
  return true;
}

function yamlFilesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.ya?ml$/.test(file))
    .map((file) => join(folder, file));
}

describe("parseYamlFast", () => {
  it.each([
    ["the YAML test suite", "test/fixtures/yaml-test-suite", 150],
    ["the repository's YAML fixtures", "test/fixtures", 700],
    ["the shared seed", "../shared/seed", 0],
  ])(
    "reads every file of %s (and the small ones with CRLF) to the value and lines the yaml library gives, or leaves it to the yaml library",
    (_, folder, atLeast) => {
      let taken = 0;
      // The test suite's own case covers its folder.
      const files = yamlFilesUnder(join(root, folder)).filter(
        (file) => folder !== "test/fixtures" || !file.includes("yaml-test-suite"),
      );
      for (const file of files) {
        const text = readFileSync(file, "utf8");
        const name = relative(root, file);
        if (expectSameOrDeferred(text, name)) taken++;
        // CRLF twins of the small files only: the same constructs, half the time.
        if (
          text.length < 16_000 &&
          !text.includes("\r") &&
          expectSameOrDeferred(text.replace(/\n/g, "\r\n"), `${name} (CRLF)`)
        )
          taken++;
      }
      // Not a path that defers everything: most real files go the fast way.
      expect(taken).toBeGreaterThanOrEqual(atLeast);
    },
  );

  it.each([
    [
      "YAML 1.2 core numbers",
      "a: [0o17, 0x1F, -0, +12, .5, 1e3, 1E400, 12345678901234567890, .inf, -.Inf, .NaN]",
    ],
    ["what YAML 1.2 reads as strings", "a: [1_000, 0b11, +.5, yes, off, 0o8, 1:20, 2026-01-02, =]"],
    ["nulls and booleans", "a: [~, null, Null, NULL, true, True, TRUE, false, False, FALSE, ]"],
    ["a merge key, a plain key for YAML 1.2", "a: {x: 1}\nb:\n  <<: {y: 2}\n  z: 3"],
    [
      "keys named like Object's members",
      "__proto__: 1\ntoString: 2\nconstructor: {hasOwnProperty: 3}",
    ],
    ['the key "null" written as a string', "\"null\": 1\n'~': 2"],
    ["numbers and booleans as keys", "200: ok\n1.50: x\ntrue: y\n.nan: z"],
    [
      "block scalars, folded and kept",
      "a: |\n  x\n\n   y\nb: >-\n  p\n  q\n\n  r\nc: |+\n  t\n\nd: >\n\n  late",
    ],
    [
      "a line ending in a backslash before a blank line, outside double quotes",
      "a: |\n  x \\\n\n  y\nb: 'p\\\n\n  q'",
    ],
    ["escapes", "a: \"\\ud800 \\U0001F600 \\x41 \\N\\_\\e\\/\\ \\L\\P\\0\"\nb: 'C:\\Users'"],
    ["quoted scalars across lines", "a: \"x\\\n  y \\t \\u00e9\"\nb: 'p\n\n  q'''"],
    ["flow collections", "a: [1, {b: 2, c: [3]}, 'x', \"y\"]\nd: {}\ne: []"],
    ["a document marker on the first line", "---\na: 1"],
    ["anchors copied by aliases", "a: &x [1, 2]\nb: *x\nc:\n  - &y {k: v}\n  - *y\nd: {e: *x}"],
    ["a megabyte-long line", `a: ${"x y".repeat(350_000)}\nb: '${"z".repeat(2 ** 20)}'`],
    ["an anchor whose name holds a no-break space", "a: [&x\u00a0\n  1]\nb: *x\u00a0"],
    ["an anchor on the line before its content", "a:\n  - &x\n    k: v\n  - *x"],
  ])("reads %s as the yaml library does", (name, text) => {
    expect(expectSameOrDeferred(text, name)).toBe(true);
  });

  it.each([
    ["a duplicate key", "a: 1\na: 2"],
    ["a null key", "~: 1\nb: 2"],
    ["keys equal only as strings", '1: a\n"1": b'],
    ["an empty key in a flow mapping", "a: {: 1}"],
    ["a collection as key", "[a, b]: 1"],
    ["an explicit key", "? a\n: 1"],
    ["a key past the yaml library's 1,024 characters", `${"k".repeat(1100)}: 1`],
    ["a pair in a flow sequence", "a: [b: c]"],
    ["an empty sequence item", "a:\n  -\n  - b"],
    ["a tag", "a: !!binary aGk="],
    ["a local tag", "a: !thing 1"],
    ["the non-specific tag", "a: ! 12"],
    ["a tag before a block scalar", "a: !\n  |-\n  x"],
    ["an alias inside the node it names", "a: &x [1, *x]"],
    ["an alias inside another anchored node", "a: &x [1]\nb: &y [*x, *x]\nc: *y"],
    ["an anchor against a flow indicator", "a:\n  - &x{}\n  - *x"],
    ["an anchored empty node", "a: &x\nb: *x"],
    ["a %YAML 1.1 directive", "%YAML 1.1\n---\na: yes"],
    ["two documents", "a: 1\n---\nb: 2"],
    ["a marker right after the first line's", "---\n---word\na: 1"],
    ["a byte order mark", "\uFEFFa: 1"],
    ["a tab", "a:\t1"],
    ["a lone CR", "a: 1\rb: 2"],
    ["an escaped line break before a blank line in a double-quoted string", 'a: "x\\\n  \n  y"'],
    ["an escape past Unicode", 'a: "\\U00110000"'],
    ["a comment against a closing quote", 'a: "x"#c'],
    ["a comment against a comma", "a: [1,#c\n  2]"],
    ["a comment against a flow colon", 'a: {"k":#c\n  }'],
    ["a flow collection indented less than its key", "a:\n  b: [\n  1]\nc: [\n1]"],
    ["a block scalar with an indentation indicator", "a: |2\n   x"],
    ["a block scalar whose first line holds spaces", "a: |\n    \n  x"],
    ["a comment line between an item's dash and its content", "k:\n- \n#c\n  x\n- 7"],
    ["a scalar document", "just text"],
    ["an empty document", "# nothing\n"],
  ])("leaves %s to the yaml library", (_, text) => {
    expect(parseYamlFast(text, false)).toBeUndefined();
  });

  it("reads aliases up to the yaml library's bound, and leaves one more to it, which refuses them", () => {
    const aliases = (count: number) =>
      `a: &x [1]\nb:\n${Array.from({ length: count }, () => "  - *x").join("\n")}\n`;
    // The `yaml` library counts the anchored node as one copy.
    expect(expectSameOrDeferred(aliases(MAX_ALIAS_COUNT - 1), "at the bound")).toBe(true);
    const past = aliases(MAX_ALIAS_COUNT);
    expect(parseYamlFast(past, false)).toBeUndefined();
    const diagnostics = new Diagnostics("bomb.yaml");
    expect(parseYaml(past, diagnostics)).toBeUndefined();
    expect(diagnostics.errors[0]).toMatchObject({ code: "yaml-aliases" });
  });

  it("leaves a billion-laughs bomb to the yaml library, which reports it", () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 9; level++) {
      const name = String.fromCharCode(97 + level);
      const previous = String.fromCharCode(96 + level);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(",")}]`);
    }
    const bomb = levels.join("\n");
    expect(parseYamlFast(bomb, false)).toBeUndefined();
    const diagnostics = new Diagnostics("bomb.yaml");
    expect(parseYaml(bomb, diagnostics)).toBeUndefined();
    expect(diagnostics.errors[0]).toMatchObject({ code: "yaml-aliases" });
  });

  it("stays linear on hostile text: a megabyte of each guard's worst case, and nested anchors", () => {
    const megabyte = (piece: string) => piece.repeat(Math.ceil(2 ** 20 / piece.length));
    // A guard that read the rest of the text again at each repetition would take hours here
    // (the vitest timeout fails it first); linear, these take milliseconds.
    expect(parseYamlFast(`a: "${megabyte("|#")}"`, false)?.value).toEqual({ a: megabyte("|#") });
    expect(parseYamlFast(`a:\n${megabyte("#\n")}  b: 1`, false)).toBeUndefined();
    // 90 nested anchors around a megabyte, each checked for an alias inside it.
    const nested = Array.from({ length: 90 }, (_, i) => `&a${i} [`).join("");
    const anchors = `a: ${nested}"${megabyte("x")}"${"]".repeat(90)}\nb: *a0`;
    expect(parseYamlFast(anchors, false)).toBeDefined();
  });

  it("agrees with the yaml library on texts built from YAML's tricky pieces (a fixed-seed fuzz)", () => {
    const starts = ["", " ", "  ", "    ", "k: ", "- ", "  k2: ", "    - ", "- - ", "k4:", "? "];
    const pieces = [
      ...["a", "c d", "- ", ": ", ":", '"x y"', "''", "'q''r'", "|", ">", "|-", ">+", "|2"],
      ...["[", "]", "{", "}", ", ", "#c", " #c", "~", "null", "1", "0o7", "0x1F", "-0", ".5"],
      ...["1e3", ".NaN", "true", "&a ", "*a", "!!str ", "! ", "---", "...", '"a\\nb"', "  "],
      ...["%", "1_000", "<<", "__proto__", "\\", "\u2028", "\u00a0", "\r\n", "\n\n", "\n  \n"],
      ...["'a\n b'", '"a\n  b"', "x\n  y", "|\n  t", ">\n  u\n\n   v", "[a, b]", "{a: [2]}"],
    ];
    const line = fc
      .tuple(fc.constantFrom(...starts), fc.array(fc.constantFrom(...pieces), { maxLength: 5 }))
      .map(([start, rest]) => start + rest.join(""));
    const text = fc
      .tuple(fc.array(line, { minLength: 1, maxLength: 6 }), fc.boolean())
      .map(([lines, newline]) => lines.join("\n") + (newline ? "\n" : ""));
    let taken = 0;
    fc.assert(
      fc.property(text, (yaml) => {
        if (expectSameOrDeferred(yaml, JSON.stringify(yaml))) taken++;
      }),
      { seed: 20261202, numRuns: 4000 },
    );
    expect(taken).toBeGreaterThan(100);
  });
  it("agrees with the yaml library on scalars of odd characters in every style (a fixed-seed fuzz)", () => {
    const pieces = [
      ...["a", " ", "  ", "#", ":", ": ", "'", '"', "\\", "\\n", "\\x", "\\u00", "\\U", "0"],
      ...["-", "?", ",", "[", "]", "{", "}", "\u0085", "\u2028", "\u00a0", "\x7f", "\x9f"],
      ...["\ud800", "\udc00", "\u{1F600}", "\u0000", "\n", "\n ", "\n  ", "\r\n", "~", "1"],
      ...[".", "e", "+", "&", "*", "!", "|", ">", "%", "@", "`", "x y"],
    ];
    const styles: ((v: string) => string)[] = [
      (v) => `a: ${v}`,
      (v) => `a: "${v}"`,
      (v) => `a: '${v}'`,
      (v) => `a: |\n  ${v}`,
      (v) => `a: >-\n  ${v}\n  ${v}`,
      (v) => `- ${v}`,
      (v) => `{a: ${v}}`,
      (v) => `[${v}]`,
      (v) => `k:\n  ${v}: 1`,
      (v) => `a:\n  - ${v}\n  - ${v}`,
    ];
    const text = fc
      .tuple(
        fc.constantFrom(...styles),
        fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
      )
      .map(([style, value, newline]) => style(value.join("")) + (newline ? "\n" : ""));
    let taken = 0;
    fc.assert(
      fc.property(text, (yaml) => {
        if (expectSameOrDeferred(yaml, JSON.stringify(yaml))) taken++;
      }),
      { seed: 20261202, numRuns: 4000 },
    );
    expect(taken).toBeGreaterThan(1000);
  });
});
