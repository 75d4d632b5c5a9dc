/**
 * Reading `a, b or c` over tokens: single-token items and joiners up to the end of a
 * sentence. Shared by the enum rules and, for what reads as a value, the default rule.
 */
import { cjkEndsWith, endsSentence, isDefaultWord, isPunct, isWord } from "./match.js";
import type { Token } from "./tokens.js";

export const VALUE_WORDS = ["value", "values"];
export const QUALIFIERS = [
  "optional",
  "possible",
  "allowed",
  "valid",
  "supported",
  "available",
  "accepted",
  "permitted",
];
export const CJK_ENUM_MARKERS = [
  "可选值",
  "可选项",
  "可选",
  "枚举值",
  "枚举",
  "取值",
  "可用值",
  "有效值",
];
/** Words that introduce or stand beside a list but are never one of its values. */
export const NOT_VALUES = new Set([
  ...VALUE_WORDS,
  ...QUALIFIERS,
  "enum",
  "enums",
  "enumerated",
  "option",
  "options",
  "choice",
  "choices",
  "the",
  "a",
  "an",
  "is",
  "are",
  "of",
  "one",
  "etc",
  "etc.",
]);
export const ANY_JOINER = [",", "，", "、", "|", "or", "and", "或", "和", "及"];

export interface ListStyle {
  /** Whether a run of CJK characters may be an item (after an explicit marker only). */
  cjkItems: boolean;
  joiners: string[];
  quotedOnly?: boolean;
  /** A closing bracket the list must end at. */
  closer?: string;
  /**
   * After an explicit marker: items may carry a legend in brackets (`subject（角色特征参考）,
   * face（人物长相参考）`), and the list may end where a new clause starts without punctuation
   * (`on，off仅V2.6…`, `720p或者1080p默认720p`, `6 或 10（10秒仅…）`, `…或 1024x1024之一`).
   */
  marked?: boolean;
}

/** A bracketed legend after an item is at most this long: it also bounds the look-ahead. */
const LEGEND_SPAN = 24;

/**
 * Reads `a, b or c` from `at`: single-token items and joiners, up to the end of the sentence.
 * Anything else before the sentence ends ("a, b for fast mode") means it is not a list.
 */
export function readList(tokens: Token[], at: number, style: ListStyle): ReadList {
  const items: string[] = [];
  let i = at;
  for (;;) {
    const item = itemText(tokens[i], style);
    if (item === undefined) return { end: i };
    items.push(item);
    i++;
    if (style.marked) i = afterLegend(tokens, i);
    if (isWord(tokens[i], "etc", "etc.") || isPunct(tokens[i], "…")) {
      i++;
      if (isPunct(tokens[i], ".") && !endsSentence(tokens[i + 1])) i++;
      break;
    }
    const joiner = joinerLength(tokens, i, style.joiners);
    if (joiner === 0) break;
    if (defaultClauseAt(tokens, i)) break;
    i += joiner;
  }
  const closed = style.closer
    ? isPunct(tokens[i], style.closer)
    : endsSentence(tokens[i]) ||
      defaultClauseAt(tokens, i) ||
      (style.marked === true && opensClause(tokens[i]));
  if (!closed || items.length < 2) return { end: i };
  return { items: [...new Set(items)], end: i };
}

/** The index after a bracketed legend at `at` (`（角色特征参考）`), or `at` when there is none. */
function afterLegend(tokens: Token[], at: number): number {
  if (!isPunct(tokens[at], "(", "（")) return at;
  for (let j = at + 1; j < Math.min(tokens.length, at + LEGEND_SPAN); j++) {
    const token = tokens[j]!;
    if (token.kind === "break" || isPunct(token, "(", "（")) return at;
    if (isPunct(token, ")", "）")) return j + 1;
  }
  return at;
}

/**
 * Where a new clause starts with no punctuation before it: a default (`默认720p`), a bracket,
 * Chinese text (`仅V2.6及…`), `之一`. Never `等`/`之类`: "a、b等" leaves the list open.
 */
function opensClause(token: Token | undefined): boolean {
  if (token === undefined) return false;
  if (isDefaultWord(token) || isPunct(token, "(", "（")) return true;
  return token.kind === "cjk" && !/^(?:等|之类|及其|或其)/.test(token.text);
}

/** `items` when a list was read; `end` where reading stopped either way. */
interface ReadList {
  items?: string[];
  end: number;
}

/** `, default x` closes a list (the default rule reads it); `, default.` is an item. */
export function defaultClauseAt(tokens: Token[], at: number): boolean {
  return (
    isPunct(tokens[at], ",", "，") &&
    isDefaultWord(tokens[at + 1]) &&
    !endsSentence(tokens[at + 2]) &&
    joinerLength(tokens, at + 2, ANY_JOINER) === 0
  );
}

/** `,`, `or`, `, or`, `、`, `|`: how many tokens join two items here (0: none). */
export function joinerLength(tokens: Token[], at: number, joiners: string[]): number {
  const joins = (token: Token | undefined) =>
    token !== undefined &&
    token.kind !== "quoted" &&
    token.kind !== "number" &&
    joiners.includes(token.lower);
  if (!joins(tokens[at])) return 0;
  return isPunct(tokens[at], ",", "，") &&
    isWord(tokens[at + 1], "or", "and") &&
    joins(tokens[at + 1])
    ? 2
    : 1;
}

/** What an item token says, or undefined when it does not read as a value. */
export function itemText(token: Token | undefined, style: ListStyle): string | undefined {
  if (token === undefined) return undefined;
  if (token.kind === "quoted") {
    // `<branch name>`, `{id}` and sentences in quotes are placeholders or prose.
    const text = token.text;
    if (text.trim() !== text || /[<>{}]/.test(text) || text.split(" ").length > 3) return undefined;
    return text;
  }
  if (style.quotedOnly) return undefined;
  if (token.kind === "number") return token.text;
  if (token.kind === "word") return NOT_VALUES.has(token.lower) ? undefined : token.text;
  // A marker is never a value; refusing it also keeps `可选、可选、…` from being re-read.
  if (token.kind === "cjk" && style.cjkItems && !cjkEndsWith(token, CJK_ENUM_MARKERS))
    return token.text;
  return undefined;
}
