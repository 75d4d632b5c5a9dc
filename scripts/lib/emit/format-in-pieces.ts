import {
  planPieces,
  type Frame,
  type OpenPiece,
  type OutlinedTail,
  type ParsedTail,
} from "./plan-pieces.js";

export type { OutlinedTail, ParsedTail } from "./plan-pieces.js";

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
  /**
   * What is known of the source's tail, from `offset` on: a parse of it (ts-morph's), or where
   * its statements are (the generator's); not parsed again.
   */
  known?: ParsedTail | OutlinedTail,
): Promise<string> {
  if (source.length <= pieceChars) return format(source);
  const pieces = planPieces(source, pieceChars, known);
  // The parse is garbage once the pieces are planned: not held while they are formatted.
  known = undefined;
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
