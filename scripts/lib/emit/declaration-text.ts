/**
 * Top-level declarations as text, laid out the way ts-morph's structure printers lay them out
 * (the operations file was built from ts-morph structures; prettier formats either text into the
 * same bytes, and this keeps the text itself the same so that nothing downstream can differ).
 * Printing 8,000 structures through ts-morph's writer, then parsing them back into an empty
 * source file, was 340 ms of a 5 s run on OpenAI's spec; joining strings is a few.
 *
 * Every piece of text handed in is already safe to splice (code-text.ts): names are
 * identifiers or string literals, docs went through docText, literals through jsonLiteral.
 */

/** One indentation level, as ts-morph's writer indents. */
const INDENT = "    ";

/** A declaration's leading JSDoc: `/** text *\/` on one line, or one ` * line` per line. */
export function jsDoc(text: string): string {
  const lines = text.split(/\r?\n/);
  // The writer adds the space before `*/` only when the text does not end with one.
  if (lines.length <= 1) return `/** ${text}${text === "" || text.endsWith(" ") ? "" : " "}*/\n`;
  const body = (lines[0] === "" ? lines.slice(1) : lines)
    .map((line) => (line === "" ? " *\n" : ` * ${line}\n`))
    .join("");
  return `/**\n${body} */\n`;
}

/** `export type Name = type;` */
export function typeAliasText(declaration: { name: string; type: string; doc: string }): string {
  return `${jsDoc(declaration.doc)}export type ${declaration.name} = ${declaration.type};`;
}

/**
 * `export const name: type = initializer;`. Lines after the first are indented one level (the
 * writer's hanging indent); our initializers hold no line break inside a string literal, so
 * every line break is one to indent after.
 */
export function constText(declaration: {
  name: string;
  type?: string;
  initializer: string;
  doc: string;
}): string {
  const type = declaration.type === undefined ? "" : `: ${declaration.type}`;
  const statement = `export const ${declaration.name}${type} = ${declaration.initializer};`;
  return jsDoc(declaration.doc) + statement.replaceAll("\n", `\n${INDENT}`);
}

/** `export interface Name {` one `name: type;` per line `}`. */
export function interfaceText(declaration: {
  name: string;
  doc: string;
  properties: readonly { name: string; type: string }[];
}): string {
  const members = declaration.properties
    .map((property) => `${INDENT}${property.name}: ${property.type};\n`)
    .join("");
  return `${jsDoc(declaration.doc)}export interface ${declaration.name} {\n${members}}`;
}

/**
 * Statements with a blank line between each two (one line break is added to a statement that
 * already ends with one), and a final line break; with where each statement is in the text
 * (without the line breaks after it), which the formatter cuts its pieces along.
 */
export function joinStatements(statements: readonly string[]): {
  text: string;
  spans: [start: number, end: number][];
} {
  // The text's last two characters are kept aside: asking the growing text for its ending
  // flattens V8's string rope at every statement, which made this quadratic (0.4 s on OpenAI's).
  const parts: string[] = [];
  const spans: [number, number][] = [];
  let length = 0;
  let tail = "";
  const append = (text: string) => {
    parts.push(text);
    length += text.length;
    tail = text.length >= 2 ? text.slice(-2) : (tail + text).slice(-2);
  };
  for (const statement of statements) {
    if (parts.length > 0) append(tail === "\n\n" ? "" : tail.endsWith("\n") ? "\n" : "\n\n");
    spans.push([length, length + statement.trimEnd().length]);
    append(statement);
  }
  if (!tail.endsWith("\n")) append("\n");
  return { text: parts.join(""), spans };
}
