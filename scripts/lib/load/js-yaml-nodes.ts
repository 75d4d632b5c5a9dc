import type { State } from "js-yaml";
import { CORE_PLAIN_TAG } from "./core-scalars.js";
import { AMPERSAND, BANG, CR, GREATER, HASH, LF, PIPE, SINGLE_QUOTE, SPACE } from "./char-codes.js";

/** One node js-yaml composed, as its `listener` option reports it. */
export interface NodeRecord {
  /**
   * Line (from 1) where the node's content starts (past an anchor), as the `yaml` library's
   * index has it; for a map value, where js-yaml opened it (its key's line is what counts).
   */
  line: number;
  /** Offsets where js-yaml opened and closed the node. */
  start: number;
  end: number;
  kind: "scalar" | "sequence" | "mapping" | null;
  /** The value js-yaml built: the very object that ends up in the document, for a collection. */
  result: unknown;
  /** The nodes composed inside it, in order: a mapping's keys and values, a sequence's items. */
  children: NodeRecord[] | undefined;
  /** Whether it carries an anchor (`&name`). */
  anchored: boolean;
}

/** Parts of js-yaml's loader state that its published types leave out. */
interface LoaderState extends State {
  tag: string | null;
  anchor: string | null;
}

/** Thrown from the listener to stop a parse the fast path must not finish. */
export class NotForFastPath extends Error {}

/**
 * A js-yaml `listener` that records every node into a tree, and stops the parse (throws
 * NotForFastPath) at the first tag (where the two libraries read the same text differently),
 * anchored node with a `*` inside (an alias there would nest copies in copies: how a "billion
 * laughs" bomb grows, and a cycle when it names its own anchor), or comment against a token.
 * Properties are found in the text where each node opens: js-yaml's state can drop a tag or
 * an anchor written on the line before a block scalar.
 */
export function recordNodes(): {
  listener: (event: "open" | "close", state: State) => void;
  root: () => NodeRecord | undefined;
  anchors: () => number;
} {
  const open: NodeRecord[] = [];
  let root: NodeRecord | undefined;
  let anchors = 0;
  // Where the text has a `*`, found once: anchored nodes nest, and scanning each one's text
  // would read the text once per level.
  let stars: number[] | undefined;
  // Where a line ends in `\` and the next is blank: inside a double-quoted string, the two
  // libraries fold that differently (`"a\⏎ ⏎ b"`). Rare, and checked only for such strings.
  let escapedBreaks: number[] | undefined;
  const listener = (event: "open" | "close", state: State): void => {
    const input = state.input;
    if (event === "open") {
      const content = skipSeparation(input, state.position);
      const first = input.charCodeAt(content);
      if (first === BANG) throw new NotForFastPath();
      const anchored = first === AMPERSAND;
      open.push({
        line: state.line + 1 + (anchored ? linesPastProperties(input, state.position) : 0),
        start: state.position,
        end: -1,
        kind: null,
        result: undefined,
        children: undefined,
        anchored,
      });
      return;
    }
    const { tag, anchor, kind, result, position } = state as LoaderState;
    // `?` is a plain scalar no type claimed (a string), null a quoted or block scalar or a
    // collection; anything else was written in the text.
    if (tag !== null && tag !== "?" && tag !== CORE_PLAIN_TAG) throw new NotForFastPath();
    // js-yaml takes `#` right after a closing quote or bracket (`"a"#b`) for a comment, the
    // `yaml` library rightly for an error.
    if (input.charCodeAt(position) === HASH && !isSpace(input.charCodeAt(position - 1)))
      throw new NotForFastPath();
    const node = open.pop()!;
    // A quoted or block scalar (plain ones carry a tag by now) over such a line: unless it
    // starts with `'`, `|` or `>`, it is double-quoted (or anchored: left too).
    if (kind === "scalar" && tag === null) {
      escapedBreaks ??= matchPositions(input, /\\\r?\n *\r?\n/g);
      if (hasBetween(escapedBreaks, node.start, position)) {
        const first = input.charCodeAt(skipSeparation(input, node.start));
        if (first !== SINGLE_QUOTE && first !== PIPE && first !== GREATER)
          throw new NotForFastPath();
      }
    }
    if (node.anchored || anchor !== null) {
      // An anchored empty node: the `yaml` library cites the anchor's line, not the next one.
      stars ??= positionsOf(input, "*");
      if (!node.anchored || result === null || hasBetween(stars, node.start, position))
        throw new NotForFastPath();
      anchors++;
    }
    node.end = position;
    node.kind = kind as NodeRecord["kind"];
    node.result = result;
    const parent = open[open.length - 1];
    if (parent) (parent.children ??= []).push(node);
    else root = node;
  };
  return { listener, root: () => root, anchors: () => anchors };
}

/** Past spaces, line breaks and comments from `i` (tabs never get here). */
function skipSeparation(input: string, i: number): number {
  for (;;) {
    const c = input.charCodeAt(i);
    if (c === SPACE || c === LF || c === CR) i++;
    else if (c === HASH) {
      const end = input.indexOf("\n", i);
      i = end < 0 ? input.length : end;
    } else return i;
  }
}

/**
 * How many lines a node's content starts below where js-yaml opened it, past its anchor: the
 * `yaml` library cites `- a` in `&name` on one line and `- a` on the next at the second.
 */
function linesPastProperties(input: string, start: number): number {
  let lines = 0;
  let anchors = 0;
  for (let i = skipSeparation(input, start); ;) {
    // Two anchors before one node: an error for the `yaml` library, not always for js-yaml.
    if (input.charCodeAt(i) !== AMPERSAND) {
      for (let j = start; j < i; j++) if (input.charCodeAt(j) === LF) lines++;
      return lines;
    }
    if (++anchors > 1) throw new NotForFastPath();
    // The name ends where js-yaml ends it: at a space, a line break or a flow indicator (not
    // at the other characters `\s` matches, such as U+00A0).
    const end = input.slice(i).search(/[ \t\r\n,[\]{}]/);
    // `&a{}` or `[&a]`: the `yaml` library wants a space after the name.
    if (end >= 0 && !isSpace(input.charCodeAt(i + end))) throw new NotForFastPath();
    i = skipSeparation(input, end < 0 ? input.length : i + end);
    if (input.charCodeAt(i) === BANG) throw new NotForFastPath();
  }
}

function matchPositions(input: string, pattern: RegExp): number[] {
  return Array.from(input.matchAll(pattern), (match) => match.index);
}

function positionsOf(input: string, character: string): number[] {
  const positions: number[] = [];
  for (let i = input.indexOf(character); i >= 0; i = input.indexOf(character, i + 1))
    positions.push(i);
  return positions;
}

/** Whether a sorted list holds a value in [start, end). */
function hasBetween(sorted: number[], start: number, end: number): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < start) low = middle + 1;
    else high = middle;
  }
  return low < sorted.length && sorted[low]! < end;
}

function isSpace(code: number): boolean {
  return code === SPACE || code === LF || code === CR;
}
