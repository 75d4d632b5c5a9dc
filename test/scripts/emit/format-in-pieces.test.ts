import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ts } from "ts-morph";
import { describe, expect, it } from "vitest";
import { syntheticExport } from "../../../bench/lib/synthetic-export.js";
import { buildContract } from "../../../scripts/lib/build-contract.js";
import { Diagnostics } from "../../../scripts/lib/diagnostics.js";
import { provenanceOf } from "../../../scripts/lib/emit/banner.js";
import { format } from "prettier";
import { formatInPieces } from "../../../scripts/lib/emit/format-in-pieces.js";
import { formatTypeScript } from "../../../scripts/lib/emit/format.js";
import { applyTextEdits } from "../../../scripts/lib/emit/enrich/text-edits.js";
import { joinStatements } from "../../../scripts/lib/emit/declaration-text.js";

const OPTIONS = { parser: "typescript", printWidth: 100, endOfLine: "lf" } as const;
import { renderOutputs } from "../../../scripts/lib/emit/render-outputs.js";
import { hostileSpec } from "../../helpers/hostile-spec.js";
import { repoRoot } from "../../helpers/run-generate.js";

const read = (path: string) => readFileSync(join(repoRoot, path), "utf8");

/** Real exports, fal's own schemas, a peer's test spec and a synthetic 40-endpoint export. */
const SPECS: [string, () => string][] = [
  ["the seed export", () => read("test/fixtures/seed/chainhub-fal-ai.apifox.yaml")],
  ["a task-id relay export", () => read("test/fixtures/specs/task-api.apifox.yaml")],
  ["apifox quirks", () => read("test/fixtures/specs/apifox-quirks.apifox.yaml")],
  ["fal's seedream schema", () => read("test/fixtures/fal/seedream-v4-text-to-image.openapi.json")],
  [
    "openapi-typescript's multi-line descriptions",
    () => read("test/fixtures/peer-specs/openapi-typescript/multi-line-descriptions.yaml"),
  ],
  ["40 synthetic endpoints", () => syntheticExport(40)],
  [
    "a hostile spec (comment ends, line separators, backticks)",
    () => JSON.stringify(hostileSpec()),
  ],
];

describe("formatting in pieces", () => {
  it.each(SPECS)("gives the bytes of one-piece formatting: %s", async (name, text) => {
    const spec = { name: `${name}.yaml`, text: text() };
    const contract = buildContract(spec);
    expect(contract.document, name).toBeDefined();
    const render = (pieceChars: number) =>
      renderOutputs(
        contract.document!,
        provenanceOf(spec, []),
        new Diagnostics(spec.name),
        pieceChars,
      );
    const whole = await render(Number.POSITIVE_INFINITY);
    for (const pieceChars of [1, 300, 4_000]) {
      const pieces = await render(pieceChars);
      for (const [file, bytes] of whole)
        expect(pieces.get(file), `${file} at ${pieceChars}`).toBe(bytes);
    }
  });

  it("keeps blank lines, comments and separators where the split falls", async () => {
    const source = [
      "// banner",
      "",
      "export interface A {",
      "  /** first */",
      '  "a-b": { x: string; y?: number };',
      "",
      "  // between",
      "  c: {",
      "    d: 1;",
      "",
      "    e: { f: 2 };",
      "  };",
      "}",
      "",
      "export const t = {",
      "  k: { a: 1, b: [1, 2] },",
      '  "q-r": { z: "s" },',
      "} as const;",
      "",
      "/** last */",
      "export type Z = 1;",
      "",
    ].join("\n");
    const whole = await formatTypeScript(source, Number.POSITIVE_INFINITY);
    for (const pieceChars of [1, 10, 40, 80])
      expect(await formatTypeScript(source, pieceChars)).toBe(whole);
  });

  it("formats whole what it cannot split safely: a comment after the last member or statement", async () => {
    const source =
      "export interface A {\n  a: 1;\n  // dangling\n}\nconst b = 1; // end\n// tail\n";
    expect(await formatTypeScript(source, 1)).toBe(await formatTypeScript(source, Infinity));
  });
});

describe("formatting in pieces along a given parse", () => {
  const banner = "// generated: do not edit\n// Source: a spec\n\n";
  const text = [
    'import type { a } from "./a.js";',
    "",
    "export interface Big {",
    ...Array.from({ length: 30 }, (_, i) => `  m${i}: { x: ${i}; "y-${i}"?: string };`),
    "}",
    "",
    "export const table = {",
    ...Array.from({ length: 30 }, (_, i) => `  k${i}: { a: ${i}, b: [${i}, 2] },`),
    "} as const;",
    "",
  ].join("\n");
  const formatPiece = (text: string) => format(text, OPTIONS);

  it("plans the pieces from it, without parsing again, into the same bytes", async () => {
    const parsed = ts.createSourceFile("t.ts", text, ts.ScriptTarget.Latest, true);
    // Reads of its statements show the given parse is the one the pieces are cut along.
    let reads = 0;
    const watched = Object.create(parsed, {
      statements: { get: () => (reads++, parsed.statements) },
    }) as ts.SourceFile;
    const expected = await formatInPieces(banner + text, formatPiece, Infinity);
    const given = { file: watched, offset: banner.length };
    expect(await formatInPieces(banner + text, formatPiece, 120, undefined, given)).toBe(expected);
    expect(reads).toBeGreaterThan(0);
  });

  it("parses afresh when the parse is of another text, or what comes before it is not a banner", async () => {
    const expected = await formatInPieces(banner + text, formatPiece, Infinity);
    const other = ts.createSourceFile("t.ts", text.replace("m1:", "n1:"), ts.ScriptTarget.Latest);
    expect(
      await formatInPieces(banner + text, formatPiece, 120, undefined, {
        file: other,
        offset: banner.length,
      }),
    ).toBe(expected);
    const code = "const z = 1;\n";
    const parsed = ts.createSourceFile("t.ts", text, ts.ScriptTarget.Latest);
    expect(
      await formatInPieces(code + text, formatPiece, 120, undefined, {
        file: parsed,
        offset: code.length,
      }),
    ).toBe(await formatInPieces(code + text, formatPiece, Infinity));
  });
  it("plans the pieces from a parse of the text before its edits, into the same bytes", async () => {
    // Members with doc comments (openapi-typescript's), which the edits replace or drop.
    const documented = text
      .replace("  m5:", "  /** five */\n  m5:")
      .replace("  m9:", "  /**\n   * nine\n   */\n  m9:");
    const parsed = ts.createSourceFile("t.ts", documented, ts.ScriptTarget.Latest, true);
    let reads = 0;
    const watched = Object.create(parsed, {
      statements: { get: () => (reads++, parsed.statements) },
    }) as ts.SourceFile;
    const at = (needle: string) => documented.indexOf(needle);
    // As enrichment plans them: docs inserted at members' starts (and at the first statement's,
    // where a full start and a token start meet), an old doc replaced, another dropped.
    const edits = [
      { start: at("m3:"), end: at("m3:"), text: "/** three */\n" },
      { start: at("m0:"), end: at("m0:"), text: "/**\n * zero\n */\n" },
      { start: at("/** five"), end: at("m5:"), text: "/** five, and more */\n" },
      { start: at("/**\n   * nine"), end: at("m9:"), text: "" },
      { start: at("k7:"), end: at("k7:"), text: "/** seven */\n" },
      { start: 0, end: 0, text: "/** The import. */\n" },
    ];
    const edited = applyTextEdits(documented, edits);
    const expected = await formatInPieces(banner + edited, formatPiece, Infinity);
    const given = { file: watched, offset: banner.length, edits };
    for (const pieceChars of [1, 60, 120])
      expect(await formatInPieces(banner + edited, formatPiece, pieceChars, undefined, given)).toBe(
        expected,
      );
    expect(reads).toBeGreaterThan(0);
  });

  it("parses afresh when the edits do not make the parse's text into the source", async () => {
    const parsed = ts.createSourceFile("t.ts", text, ts.ScriptTarget.Latest, true);
    let reads = 0;
    const watched = Object.create(parsed, {
      statements: { get: () => (reads++, parsed.statements) },
    }) as ts.SourceFile;
    const start = text.indexOf("  m3:") + 2;
    const edited = applyTextEdits(text, [{ start, end: start, text: "/** three */\n  " }]);
    const claimed = [{ start, end: start, text: "/** four */\n  " }];
    expect(
      await formatInPieces(banner + edited, formatPiece, 120, undefined, {
        file: watched,
        offset: banner.length,
        edits: claimed,
      }),
    ).toBe(await formatInPieces(banner + edited, formatPiece, Infinity));
    expect(reads).toBe(0);
  });
});

describe("formatting in pieces along the generator's outline", () => {
  const banner = "// generated: do not edit\n\n";
  const statements = [1, 2, 3, 4].map(
    (i) => `/** Table ${i}. */\nexport const t${i} = {"k": ${i}, "l-m": [${i}, "x"]} as const;`,
  );
  const { text, spans } = joinStatements([
    ...statements,
    "\n/** Several statements in one span. */\nexport type A = 1;\n\nexport type B = 2;\n",
    `export interface Big {\n${Array.from({ length: 20 }, (_, i) => `    m${i}: { x: ${i} };\n`).join("")}}`,
  ]);
  /** Formats like prettier, and records what it was given. */
  const recording = (given: string[]) => (piece: string) => (
    given.push(piece),
    format(piece, OPTIONS)
  );
  const pieceChars = Math.floor(statements[0]!.length * 2.2);

  it("keeps a span in one piece, and cuts the spans too big for a piece along their parse", async () => {
    const expected = await formatInPieces(banner + text, recording([]), Infinity);
    // Tables 1 and 2 given as one span: with the banner they are more than a piece, which a
    // parse would cut between them (the next test).
    const outline = {
      offset: banner.length,
      spans: [[spans[0]![0], spans[1]![1]] as const, ...spans.slice(2)],
    };
    const given: string[] = [];
    expect(
      await formatInPieces(banner + text, recording(given), pieceChars, undefined, outline),
    ).toBe(expected);
    expect(given.some((piece) => piece.includes("t1 =") && piece.includes("t2 ="))).toBe(true);
    // The interface, bigger than a piece, was opened up: its members came in groups.
    expect(given.filter((piece) => piece.includes("m0:") || piece.includes("m19:"))).toHaveLength(
      2,
    );
  });

  it("parses the whole source when the outline does not fit it", async () => {
    const expected = await formatInPieces(banner + text, recording([]), Infinity);
    // The first span cut short: code would lie between two spans.
    const wrong = { offset: banner.length, spans: [[0, 5] as const, ...spans.slice(1)] };
    const given: string[] = [];
    expect(
      await formatInPieces(banner + text, recording(given), pieceChars, undefined, wrong),
    ).toBe(expected);
    // Cut along its parse: tables 1 and 2 apart.
    expect(given.some((piece) => piece.includes("t1 =") && piece.includes("t2 ="))).toBe(false);
    expect(given.some((piece) => piece.includes("t1 ="))).toBe(true);
  });
});
