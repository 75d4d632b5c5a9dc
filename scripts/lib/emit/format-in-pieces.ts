import { ts } from "ts-morph";
import { positionsAfterEdits, type TextEdit } from "./enrich/text-edits.js";

/**
 * prettier holds a whole file's AST, comments and print document at once: formatting the 5 MB
 * operations file of a 2,000-operation spec peaked near 800 MB. This formats the same text in
 * pieces of bounded size and joins them into the same bytes: top-level statements are grouped,
 * and a statement too big for one piece (an interface, a type literal member, an object literal
 * table) is opened up, its members formatted in groups inside a stand-in of their context that
 * gives them the same indentation, separators and line breaks.
 *
 * Only shapes whose formatting does not depend on their siblings are split (prettier's
 * "as-needed" quoting looks at a key alone); anything else is formatted whole. Tests check
 * equality with one-piece formatting on real outputs with tiny pieces.
 */
export async function formatInPieces(
  source: string,
  format: (text: string) => Promise<string>,
  pieceChars = 16 * 1024,
  /** Called after about every megabyte formatted: the caller may collect garbage there. */
  afterMegabyte?: () => void,
  /** A parse of the source's tail, from `offset` on (ts-morph's): not parsed again. */
  parsed?: ParsedTail,
): Promise<string> {
  if (source.length <= pieceChars) return format(source);
  const pieces = planPieces(source, pieceChars, parsed);
  if (!pieces) return format(source);
  let out = "";
  let sinceRelease = 0;
  const heads = new Map<OpenPiece, { head: string; tail: string }>();
  for (const piece of pieces) {
    if (afterMegabyte && out.length - sinceRelease > 1 << 20) {
      sinceRelease = out.length;
      afterMegabyte();
    }
    if (piece.blankBefore) out += "\n";
    if (piece.kind === "members") {
      const text = [...piece.frames.map((f) => f.open), piece.text, ...closes(piece.frames)];
      out += innerLines(await format(text.join("\n")), piece.frames.length);
    } else if (piece.kind === "open") {
      const formatted = await formatBlockEnds(piece, format);
      heads.set(piece, formatted);
      out += formatted.head;
    } else out += heads.get(piece.open)!.tail;
  }
  return out;
}

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

/** One level of nesting, and a stand-in for it that prettier formats the same way. */
interface Frame {
  open: string;
  close: string;
  separator: ";" | ",";
}

interface MembersPiece {
  kind: "members";
  text: string;
  frames: Frame[];
  blankBefore: boolean;
}
interface OpenPiece {
  kind: "open";
  head: string;
  tail: string;
  frames: Frame[];
  separator: ";" | ",";
  blankBefore: boolean;
}
interface ClosePiece {
  kind: "close";
  open: OpenPiece;
  blankBefore: false;
}
type Piece = MembersPiece | OpenPiece | ClosePiece;

const PLACEHOLDER = "__formatInPiecesPlaceholder__";

/** The head (`export interface paths {`) and tail (`}`) of a split block, formatted together. */
async function formatBlockEnds(
  piece: OpenPiece,
  format: (text: string) => Promise<string>,
): Promise<{ head: string; tail: string }> {
  const text = [
    ...piece.frames.map((f) => f.open),
    piece.head,
    `${PLACEHOLDER}: 0${piece.separator}`,
    piece.tail,
    ...closes(piece.frames),
  ].join("\n");
  const lines = innerLines(await format(text), piece.frames.length).split("\n");
  const at = lines.findIndex((line) => line.includes(PLACEHOLDER));
  return {
    head: lines.slice(0, at).join("\n") + "\n",
    tail: lines.slice(at + 1).join("\n"),
  };
}

function closes(frames: Frame[]): string[] {
  return frames.map((f) => f.close).reverse();
}

/** The formatted lines between `depth` stand-in lines at the start and at the end. */
function innerLines(formatted: string, depth: number): string {
  if (depth === 0) return formatted;
  const lines = formatted.split("\n"); // ends with "" after the final newline
  return lines.slice(depth, lines.length - 1 - depth).join("\n") + "\n";
}

/** The pieces in order, or undefined when the text has a shape this does not split safely. */
function planPieces(source: string, pieceChars: number, parsed?: ParsedTail): Piece[] | undefined {
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
  splitList({ file, source, at }, file.statements, [], pieces, pieceChars);
  return pieces;
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
  located: Located,
  nodes: readonly ts.Node[],
  frames: Frame[],
  out: Piece[],
  pieceChars: number,
): void {
  const { source, at } = located;
  let group: MembersPiece | undefined;
  let groupStart = 0;
  nodes.forEach((node, index) => {
    // Positions in `source`.
    const end = at(node.end, "before");
    // The first statement's piece starts at 0: the file's banner comment is part of it.
    const start = index === 0 && frames.length === 0 ? 0 : at(node.pos, "before");
    const blankBefore = index > 0 && blankLineAfter(source, at(nodes[index - 1]!.end, "before"));
    const block = end - start > pieceChars ? openBlock(located, node, frames) : undefined;
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
      splitList(located, block.members, [...frames, block.frame], out, pieceChars);
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
