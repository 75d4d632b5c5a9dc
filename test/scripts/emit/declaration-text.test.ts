/**
 * declaration-text.ts lays declarations out as ts-morph's structure printers did when the
 * operations file was built from structures: the same text, so prettier's input is unchanged.
 * Each case is printed both ways and compared.
 */
import { Project, StructureKind, VariableDeclarationKind, type WriterFunction } from "ts-morph";
import { describe, expect, it } from "vitest";
import {
  constText,
  interfaceText,
  joinStatements,
  typeAliasText,
} from "../../../scripts/lib/emit/declaration-text.js";

type Structures = Parameters<ReturnType<typeof newFile>["addStatements"]>[0];

function newFile() {
  return new Project({ useInMemoryFileSystem: true }).createSourceFile("t.ts", "");
}

/** What ts-morph prints for these statements, each two apart by a blank line. */
function printedByTsMorph(statements: Exclude<Structures, string | WriterFunction>): string {
  const file = newFile();
  const blankLine: WriterFunction = (writer) => writer.blankLineIfLastNot();
  file.addStatements(statements.flatMap((s, i) => (i === 0 ? [s] : [blankLine, s])));
  return file.getFullText();
}

const DOCS = [
  "One line.",
  "Ends with a space ",
  "Two paragraphs.\n\nThe second one.",
  "\nStarts with a line break.",
  "Ends with a line break.\n",
  "`GET /a/{b}`: quotes \" and ' and {@link X}.",
  "",
];

describe("declarations as text", () => {
  it.each(DOCS)("a type alias documented %j is the text ts-morph prints", (doc) => {
    const ours = joinStatements([typeAliasText({ name: "A", type: '"x" | 1', doc })]).text;
    const theirs = printedByTsMorph([
      { kind: StructureKind.TypeAlias, name: "A", isExported: true, type: '"x" | 1', docs: [doc] },
    ]);
    expect(ours).toBe(theirs);
  });

  it("a constant whose initializer spans lines gets ts-morph's hanging indent", () => {
    const initializer = '{a: aOperation,\n"b-c": bcOperation} as const';
    const ours = joinStatements([
      constText({ name: "table", initializer, doc: "The table." }),
      constText({ name: "typed", type: "Contract<{ a: 1 }>", initializer: "{ a }", doc: "T." }),
    ]).text;
    const theirs = printedByTsMorph([
      {
        kind: StructureKind.VariableStatement,
        isExported: true,
        declarationKind: VariableDeclarationKind.Const,
        declarations: [{ name: "table", initializer }],
        docs: ["The table."],
      },
      {
        kind: StructureKind.VariableStatement,
        isExported: true,
        declarationKind: VariableDeclarationKind.Const,
        declarations: [{ name: "typed", type: "Contract<{ a: 1 }>", initializer: "{ a }" }],
        docs: ["T."],
      },
    ]);
    expect(ours).toBe(theirs);
  });

  it.each([
    [
      "with members",
      [
        { name: '"GET /a"', type: '"getA"' },
        { name: "b", type: "{ x: 1 }" },
      ],
    ],
    ["empty", []],
  ])("an interface %s is the text ts-morph prints", (_, properties) => {
    const ours = joinStatements([interfaceText({ name: "I", doc: "Doc.", properties })]).text;
    const theirs = printedByTsMorph([
      { kind: StructureKind.Interface, name: "I", isExported: true, docs: ["Doc."], properties },
    ]);
    expect(ours).toBe(theirs);
  });

  it("statements keep one blank line between them, whether or not one ends with a line break", () => {
    const theirs = newFile();
    const blankLine: WriterFunction = (writer) => writer.blankLineIfLastNot();
    const statements = [
      'import type { a } from "./a.js";',
      "\nexport type B = 1;\n",
      "type C = 2;",
    ];
    theirs.addStatements(statements.flatMap((s, i) => (i === 0 ? [s] : [blankLine, s])));
    const { text, spans } = joinStatements(statements);
    expect(text).toBe(theirs.getFullText());
    // Where each statement is, without the line breaks after it.
    expect(spans.map(([start, end]) => text.slice(start, end))).toEqual(
      statements.map((statement) => statement.trimEnd()),
    );
  });
});
