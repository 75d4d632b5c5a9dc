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
    } else if (isWordChar(char) || startsSignedNumber(text, i)) {
      const start = i;
      i = wordEnd(text, i + 1);
      if (text[i] === "." && ABBREVIATIONS.has(text.slice(start, i).toLowerCase())) i++;
      // `16：9` is the ratio 16:9 written with a full-width colon.
      const word = text.slice(start, i).replaceAll("\uff1a", ":");
      const grouped = withoutThousandsSeparators(word);
      if (isNumber(grouped)) push("number", grouped.replace("\u2212", "-"));
      else push("word", word);
    } else if (char === "<" && htmlTagEnd(text, i) !== -1) {
      // apifox keeps the HTML a description was written with (`<b>此处固定为：1</b>`).
      i = htmlTagEnd(text, i) + 1;
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

/** Longest HTML tag skipped as markup: also bounds the scan from each `<`. */
const MAX_TAG = 200;

/** The index of the `>` closing an HTML tag (`<b>`, `</b>`, `<a href="…">`) at `at`, or -1. */
function htmlTagEnd(text: string, at: number): number {
  let j = at + 1;
  if (text[j] === "/") j++;
  if (!/[A-Za-z]/.test(text[j] ?? "")) return -1;
  const limit = Math.min(text.length, at + MAX_TAG);
  for (; j < limit; j++) {
    const char = text[j]!;
    if (char === ">") return j;
    if (char === "<" || char === "\n" || char === "\r") return -1;
  }
  return -1;
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
 * Where a word starting at `from - 1` ends. `.`, `:`, `/` and `-` join word characters
 * (`gemini-1.5`, `16:9`, `image/png`), except that `-` between two digits is a range
 * (`1-20`) unless the word already has a letter (`kling-v2-1`, `chirp-v3-0`), `:` joins only
 * like to like (`16:9`, not `value:1`), a full-width colon joins two digits (`16：9`), and a
 * comma joins digit groups of three (`100,000`).
 */
function wordEnd(text: string, from: number): number {
  let i = from;
  // Whether the word has a letter yet: a sign (`-1.5`) is not one.
  let lettered = !isDigit(text[from - 1]!) && !"+-\u2212".includes(text[from - 1]!);
  while (i < text.length) {
    const char = text[i]!;
    if (isWordChar(char)) {
      if (!isDigit(char)) lettered = true;
      i++;
      continue;
    }
    const previous = text[i - 1]!;
    const next = text[i + 1];
    if (next === undefined || !isWordChar(next)) break;
    const joins =
      char === "." ||
      char === "/" ||
      (char === "-" && (lettered || !(isDigit(previous) && isDigit(next)))) ||
      ((char === "+" || char === "-") && (previous === "e" || previous === "E") && isDigit(next)) ||
      (char === ":" && isDigit(previous) === isDigit(next)) ||
      (char === "\uff1a" && isDigit(previous) && isDigit(next)) ||
      (char === "," && !lettered && isDigitGroup(text, i + 1));
    if (!joins) break;
    i += 2;
  }
  return i;
}

/** Three digits and then no fourth: the group after a thousands separator. */
function isDigitGroup(text: string, at: number): boolean {
  return (
    isDigit(text[at] ?? "") &&
    isDigit(text[at + 1] ?? "") &&
    isDigit(text[at + 2] ?? "") &&
    !isDigit(text[at + 3] ?? "")
  );
}

/** `100,000` is one number; a word with commas that is not one is left as it was. */
function withoutThousandsSeparators(word: string): string {
  if (!word.includes(",")) return word;
  return /^[-+\u2212]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(word) ? word.replaceAll(",", "") : word;
}

/** `-1.5` after a space, a bracket or a colon; `1-20` and `a -b` are not signed numbers. */
function startsSignedNumber(text: string, at: number): boolean {
  const char = text[at];
  if (char !== "-" && char !== "+" && char !== "\u2212") return false;
  if (!isDigit(text[at + 1] ?? "")) return false;
  if (at === 0) return true;
  const previous = text[at - 1]!;
  // `默认为 0 -2.0 到 2.0`: after a space a minus sign glued to its digits is a sign, even
  // after a number (a range is written `0-2` or `0 - 2`).
  if (isSpace(previous)) return true;
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
