import { ts } from "ts-morph";
import { positionsAfterEdits, type TextEdit } from "./enrich/text-edits.js";

// How format-in-pieces.ts cuts a source into pieces: along a parse of it (one it is given, or
// its own), or along an outline of its statements that the generator wrote with it.

/**
 * A parse of `source.slice(offset)`, or of the text `edits` made that (the schema file: the
 * parse ts-morph enriched, before the doc comments went in), before the banner was put in front
 * of it. Parsing a 1.5 MB file again took a second at 500 operations.
 */
export interface ParsedTail {
  file: ts.SourceFile;
  offset: number;
  /** Made `file.text` into the source's tail; none when the parse is of the tail itself. */
  edits?: readonly TextEdit[];
}

/**
 * Where the statements of `source.slice(offset)` are, from the generator that wrote it (the
 * operations file): each span holds whole statements, and only whitespace lies between them.
 * Only a span too big for one piece is parsed, alone: parsing the whole 1.1 MB file of OpenAI's
 * spec took 90 ms and left 40 MB of tree to be collected.
 */
export interface OutlinedTail {
  offset: number;
  spans: readonly (readonly [start: number, end: number])[];
}

/** One level of nesting, and a stand-in for it that prettier formats the same way. */
export interface Frame {
  open: string;
  close: string;
  separator: ";" | ",";
}

export interface MembersPiece {
  kind: "members";
  text: string;
  frames: Frame[];
  blankBefore: boolean;
}
export interface OpenPiece {
  kind: "open";
  head: string;
  tail: string;
  frames: Frame[];
  separator: ";" | ",";
  blankBefore: boolean;
}
export interface ClosePiece {
  kind: "close";
  open: OpenPiece;
  blankBefore: false;
}
export type Piece = MembersPiece | OpenPiece | ClosePiece;

/** The pieces in order, or undefined when the text has a shape this does not split safely. */
export function planPieces(
  source: string,
  pieceChars: number,
  known?: ParsedTail | OutlinedTail,
): Piece[] | undefined {
  if (known && "spans" in known) {
    const entries = outlinedEntries(source, known, pieceChars);
    if (entries) {
      const pieces: Piece[] = [];
      splitList(source, entries, [], pieces, pieceChars);
      return pieces;
    }
  }
  const parsed = known && "file" in known ? known : undefined;
  // The given parse serves only if it is of this very text (once edited), and the text before
  // it is comments and blank lines (the banner), which the first piece takes along.
  const located =
    parsed !== undefined && isCommentsOnly(source.slice(0, parsed.offset))
      ? locateTail(source, parsed)
      : undefined;
  const { file, at } = located ?? {
    file: ts.createSourceFile("pieces.ts", source, ts.ScriptTarget.Latest, false),
    at: (position: number) => position,
  };
  if ((file as { parseDiagnostics?: unknown[] }).parseDiagnostics?.length) return undefined;
  const last = file.statements.at(-1);
  // Comments after the last statement belong to no piece.
  if (!last || source.slice(at(last.end, "before")).trim() !== "") return undefined;
  const pieces: Piece[] = [];
  splitList(source, entriesOf({ file, source, at }, file.statements), [], pieces, pieceChars);
  return pieces;
}

/**
 * The outline's statements as entries, parsing only the spans too big for one piece; undefined
 * when the outline does not fit the source (then the whole source is parsed).
 */
function outlinedEntries(
  source: string,
  { offset, spans }: OutlinedTail,
  pieceChars: number,
): Entry[] | undefined {
  const entries: Entry[] = [];
  let cursor = offset;
  for (const [spanStart, spanEnd] of spans) {
    const start = offset + spanStart;
    const end = offset + spanEnd;
    if (start < cursor || end > source.length || !isBlank(source, cursor, start)) return undefined;
    cursor = end;
    if (end - start <= pieceChars) {
      entries.push({ pos: start, end });
      continue;
    }
    const file = ts.createSourceFile("span.ts", source.slice(start, end), ts.ScriptTarget.Latest);
    if ((file as { parseDiagnostics?: unknown[] }).parseDiagnostics?.length) return undefined;
    entries.push(
      ...entriesOf({ file, source, at: (position) => start + position }, file.statements),
    );
  }
  // Only whitespace before the banner's end is the banner's; none may follow the last span.
  if (!isCommentsOnly(source.slice(0, offset)) || !isBlank(source, cursor, source.length))
    return undefined;
  return entries.length > 0 ? entries : undefined;
}

function isBlank(source: string, from: number, to: number): boolean {
  return /^\s*$/.test(source.slice(from, to));
}

/**
 * A statement or member to put in a piece: where it is in the source (its full start, with
 * the comments before it, and its end), and its parse if it may be opened up.
 */
interface Entry {
  pos: number;
  end: number;
  node?: ts.Node;
  located?: Located;
}

function entriesOf(located: Located, nodes: readonly ts.Node[]): Entry[] {
  return nodes.map((node) => ({
    pos: located.at(node.pos, "before"),
    end: located.at(node.end, "before"),
    node,
    located,
  }));
}

/**
 * The given parse's positions in `source`, if the source's tail is its text (with its edits
 * made): checked piece by piece, without building the edited text again.
 */
function locateTail(source: string, parsed: ParsedTail): Located | undefined {
  const { file, offset, edits = [] } = parsed;
  const shifted = positionsAfterEdits(edits);
  const at = (position: number, side: "before" | "after") => offset + shifted(position, side);
  if (at(file.text.length, "after") !== source.length) return undefined;
  let cursor = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    if (!sameText(source, at(cursor, "after"), file.text, cursor, edit.start)) return undefined;
    if (!source.startsWith(edit.text, at(edit.start, "before"))) return undefined;
    cursor = edit.end;
  }
  if (!sameText(source, at(cursor, "after"), file.text, cursor, file.text.length)) return undefined;
  return { file, source, at };
}

/** Whether `text.slice(from, to)` is in `source` at `at`. */
function sameText(source: string, at: number, text: string, from: number, to: number): boolean {
  return source.startsWith(to - from === text.length ? text : text.slice(from, to), at);
}

/** Line comments and blank lines only (a banner). */
function isCommentsOnly(text: string): boolean {
  return text.split("\n").every((line) => line.trim() === "" || line.trimStart().startsWith("//"));
}

/**
 * A parse, the whole source, and where a position of the parse is in the source (past the
 * banner, and past the edits made after the parse; `side` says which side of an insertion at
 * that very position: see positionsAfterEdits).
 */
interface Located {
  file: ts.SourceFile;
  source: string;
  at: (position: number, side: "before" | "after") => number;
}

function splitList(
  source: string,
  entries: readonly Entry[],
  frames: Frame[],
  out: Piece[],
  pieceChars: number,
): void {
  let group: MembersPiece | undefined;
  let groupStart = 0;
  entries.forEach((entry, index) => {
    const end = entry.end;
    // The first statement's piece starts at 0: the file's banner comment is part of it.
    const start = index === 0 && frames.length === 0 ? 0 : entry.pos;
    const blankBefore = index > 0 && blankLineAfter(source, entries[index - 1]!.end);
    const block =
      end - start > pieceChars && entry.node && entry.located
        ? openBlock(entry.located, entry.node, frames)
        : undefined;
    if (block) {
      group = undefined;
      const open: OpenPiece = {
        kind: "open",
        head: source.slice(start, block.openEnd),
        tail: source.slice(block.closeStart, end),
        frames,
        separator: block.frame.separator,
        blankBefore,
      };
      out.push(open);
      const members = entriesOf(entry.located!, block.members);
      splitList(source, members, [...frames, block.frame], out, pieceChars);
      out.push({ kind: "close", open, blankBefore: false });
      return;
    }
    if (group && end - groupStart <= pieceChars) {
      group.text = source.slice(groupStart, end);
      return;
    }
    groupStart = start;
    group = { kind: "members", text: source.slice(start, end), frames, blankBefore };
    out.push(group);
  });
}

/**
 * A node whose members can be formatted in groups: where they are, where its braces are in the
 * source, and its stand-in frame.
 */
function openBlock(
  { file, source, at }: Located,
  node: ts.Node,
  frames: Frame[],
):
  | { members: ts.NodeArray<ts.Node>; openEnd: number; closeStart: number; frame: Frame }
  | undefined {
  let members: ts.NodeArray<ts.Node> | undefined;
  let body: ts.Node | undefined;
  let frame: Frame | undefined;
  if (frames.length === 0) {
    if (ts.isInterfaceDeclaration(node)) {
      members = node.members;
      body = node;
      frame = { open: "interface _ {", close: "}", separator: ";" };
    } else if (ts.isVariableStatement(node) && node.declarationList.declarations.length === 1) {
      const object = objectLiteralOf(node.declarationList.declarations[0]!.initializer);
      if (object) {
        members = object.properties;
        body = object;
        frame = { open: "const _ = {", close: "};", separator: "," };
      }
    }
  } else if (ts.isPropertySignature(node) && node.type && ts.isTypeLiteralNode(node.type)) {
    members = node.type.members;
    body = node.type;
    frame = { open: "_: {", close: "};", separator: ";" };
  } else if (ts.isPropertyAssignment(node) && ts.isObjectLiteralExpression(node.initializer)) {
    members = node.initializer.properties;
    body = node.initializer;
    frame = { open: "_: {", close: "},", separator: "," };
  }
  if (!members || !body || !frame || members.length === 0) return undefined;
  const openEnd = at(members.pos, "before");
  const closeStart = at(body.end - 1, "before");
  if (source[openEnd - 1] !== "{" || source[closeStart] !== "}") return undefined;
  // prettier keeps a block expanded when its first member starts on a new line; one written on
  // a single line may be joined back onto it, which a piece cannot know: keep that block whole.
  const firstStart = at(members[0]!.getStart(file), "after");
  if (!source.slice(openEnd, firstStart).includes("\n")) return undefined;
  // A comment between the last member and `}` would belong to no piece: keep such a block whole.
  if (!/^[\s,;]*$/.test(source.slice(at(members.end, "before"), closeStart))) return undefined;
  return { members, openEnd, closeStart, frame };
}

function objectLiteralOf(
  initializer: ts.Expression | undefined,
): ts.ObjectLiteralExpression | undefined {
  if (!initializer) return undefined;
  if (ts.isObjectLiteralExpression(initializer)) return initializer;
  if (ts.isAsExpression(initializer) || ts.isSatisfiesExpression(initializer))
    return ts.isObjectLiteralExpression(initializer.expression)
      ? initializer.expression
      : undefined;
  return undefined;
}

/**
 * prettier keeps one blank line between two statements or members when the line after the
 * first one's end (past a separator and a comment on the same line) is empty in the input.
 */
function blankLineAfter(source: string, end: number): boolean {
  let at = end;
  while (at < source.length && /[ \t,;]/.test(source[at]!)) at++;
  if (source.startsWith("//", at)) at = source.indexOf("\n", at);
  else if (source.startsWith("/*", at)) {
    const close = source.indexOf("*/", at);
    if (close >= 0 && !source.slice(at, close).includes("\n")) at = close + 2;
    while (at < source.length && /[ \t]/.test(source[at]!)) at++;
  }
  if (at < 0 || (source[at] !== "\n" && source.slice(at, at + 2) !== "\r\n")) return false;
  at += source[at] === "\n" ? 1 : 2;
  while (at < source.length && /[ \t]/.test(source[at]!)) at++;
  return source[at] === "\n" || source.slice(at, at + 2) === "\r\n";
}
