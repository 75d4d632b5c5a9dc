/**
 * Splits a description into tokens in one left-to-right pass, so everything that reads prose
 * runs in time linear in its length, however hostile the text (no regular expression here
 * or in the rules over these tokens can backtrack).
 */

export type TokenKind =
  /** `12`, `-1.5`, `1e308` */
  | "number"
  /** `square_hd`, `16:9`, `image/png`, `gemini-1.5` */
  | "word"
  /** `"jpeg"`, `'a'`, “x”, a code span; `text` is the content without the quotes. */
  | "quoted"
  /** A run of Chinese, Japanese or Korean characters: `取值范围`, `默认值为`. */
  | "cjk"
  /** One punctuation character, or `>=` / `<=`. */
  | "punct"
  /** A line break: prose never carries a list or a range across one. */
  | "break";

export interface Token {
  kind: TokenKind;
  text: string;
  /** Lower-cased `text`, for matching marker words. */
  lower: string;
  /** Inside a sentence that gives examples ("for example …", "e.g. …"): not a statement. */
  example?: boolean;
}

/** Abbreviations whose full stop ends no sentence. */
const ABBREVIATIONS = new Set(["e.g", "eg", "i.e", "ie", "etc", "vs", "approx", "incl"]);

/** Quoted spans longer than this are prose, not values: it also bounds the scan per quote. */
const MAX_QUOTED = 200;

const CLOSING_QUOTE: Record<string, string> = {
  '"': '"',
  "'": "'",
  "`": "`",
  "\u201c": "\u201d",
  "\u2018": "\u2019",
};

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const push = (kind: TokenKind, value: string) =>
    tokens.push({
      kind,
      text: value,
      lower: kind === "word" ? value.toLowerCase() : value,
      // Set here, not later: one object shape for every token keeps the rules monomorphic.
      example: false,
    });
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === "\n" || char === "\r") {
      if (tokens.at(-1)?.kind !== "break") push("break", "\n");
      i++;
    } else if (isSpace(char)) {
      i++;
    } else if (char === "*" && text[i + 1] === "*") {
      // Markdown emphasis (`**取值范围**`) says nothing; a single `*` may be a bullet.
      while (text[i] === "*") i++;
    } else if (char in CLOSING_QUOTE && opensQuote(text, i)) {
      const end = closingQuote(text, i, CLOSING_QUOTE[char]!);
      if (end === -1) {
        push("punct", char);
        i++;
      } else {
        push("quoted", text.slice(i + 1, end));
        i = end + 1;
      }
    } else if (isCjk(char)) {
      const start = i;
      while (i < text.length && isCjk(text[i]!)) i++;
      push("cjk", text.slice(start, i));
    } else if (isWordChar(char) || startsSignedNumber(text, i, tokens)) {
      const start = i;
      i = wordEnd(text, i + 1);
      if (text[i] === "." && ABBREVIATIONS.has(text.slice(start, i).toLowerCase())) i++;
      const word = text.slice(start, i);
      if (isNumber(word)) push("number", word.replace("\u2212", "-"));
      else push("word", word);
    } else if ((char === ">" || char === "<") && text[i + 1] === "=") {
      push("punct", char + "=");
      i += 2;
    } else {
      push("punct", char);
      i++;
    }
  }
  return tokens;
}

/** An apostrophe inside a word ("model's") opens nothing. */
function opensQuote(text: string, at: number): boolean {
  return text[at] !== "'" || at === 0 || !isWordChar(text[at - 1]!);
}

/** The index of the closing quote on the same line within MAX_QUOTED characters, or -1. */
function closingQuote(text: string, open: number, close: string): number {
  const limit = Math.min(text.length, open + 1 + MAX_QUOTED + 1);
  for (let j = open + 1; j < limit; j++) {
    const char = text[j]!;
    if (char === close) return j > open + 1 ? j : -1;
    if (char === "\n" || char === "\r") return -1;
  }
  return -1;
}

/**
 * Where a word starting before `from` ends. `.`, `:`, `/` and `-` join word characters
 * (`gemini-1.5`, `16:9`, `image/png`), except that `-` between two digits is a range
 * (`1-20`) and `:` joins only like to like (`16:9`, not `value:1`).
 */
function wordEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const char = text[i]!;
    if (isWordChar(char)) {
      i++;
      continue;
    }
    const previous = text[i - 1]!;
    const next = text[i + 1];
    if (next === undefined || !isWordChar(next)) break;
    const joins =
      char === "." ||
      char === "/" ||
      (char === "-" && !(isDigit(previous) && isDigit(next))) ||
      ((char === "+" || char === "-") && (previous === "e" || previous === "E") && isDigit(next)) ||
      (char === ":" && isDigit(previous) === isDigit(next));
    if (!joins) break;
    i += 2;
  }
  return i;
}

/** `-1.5` after a space, a bracket or a colon; `1-20` and `a -b` are not signed numbers. */
function startsSignedNumber(text: string, at: number, tokens: Token[]): boolean {
  const char = text[at];
  if (char !== "-" && char !== "+" && char !== "\u2212") return false;
  if (!isDigit(text[at + 1] ?? "")) return false;
  if (at === 0) return true;
  const previous = text[at - 1]!;
  if (isSpace(previous)) return tokens.at(-1)?.kind !== "number";
  return "([（:：,，=~～".includes(previous);
}

// Anchored, one unambiguous path through the string: linear even on a 100k-digit run.
const NUMBER = /^[-+\u2212]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

function isNumber(word: string): boolean {
  return NUMBER.test(word);
}

function isSpace(char: string): boolean {
  return char === " " || char === "\t" || char === "\u00a0" || char === "\u3000" || char === "\f";
}

function isDigit(char: string): boolean {
  return char >= "0" && char <= "9";
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}_]/u;

function isWordChar(char: string): boolean {
  if (char < "\u0080") return /[A-Za-z0-9_]/.test(char);
  return !isCjk(char) && LETTER_OR_DIGIT.test(char);
}

function isCjk(char: string): boolean {
  const code = char.charCodeAt(0);
  return (
    (code >= 0x3040 && code <= 0x30ff) || // kana
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xac00 && code <= 0xd7af) || // hangul
    (code >= 0xf900 && code <= 0xfaff)
  );
}
