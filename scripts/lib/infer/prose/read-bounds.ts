/**
 * One-sided bounds in prose: `minimum 3`, `at most 8`, `cannot exceed 2500 characters`,
 * `no more than 50`, `最大值 10`, `不能超过2500个字符`, `最多支持6个分镜`, `最低：1`. Several that
 * disagree contest each other; where the prose speaks of a length, bounds counted in something
 * else ("至多引用2个音色") are about something else.
 */
import { cjkEndsWith, isPunctIn, isWord, isWordIn, skipFiller } from "./match.js";
import type { Token } from "./tokens.js";

export const LENGTH_WORDS = ["length", "character", "characters", "char", "chars"];

type Marker = (tokens: Token[], at: number) => number | undefined;

/** "至多引用2个音色", "最多支持6个分镜": at most, and a verb of up to two characters. */
// The verbs name what is counted: the field's own items ("至少重合2秒" measures an overlap).
const CJK_AT_MOST = /(?:至多|最多|最大)(?:支持|引用|上传|传入|包含|输入|选择|生成)?$/;
const CJK_AT_LEAST = /(?:至少|最少|最小)(?:支持|引用|上传|传入|包含|输入|选择|生成)?$/;

export const minimumMarker: Marker = (tokens, at) =>
  boundMarker(
    tokens,
    at,
    ["min", "minimum"],
    ["least"],
    [">=", "≥"],
    [
      "最小长度",
      "最小值",
      "最小",
      "最低",
      "不小于",
      "不低于",
      "不能小于",
      "不得小于",
      "不能少于",
      "不少于",
    ],
  ) ??
  (tokens[at]?.kind === "cjk" && CJK_AT_LEAST.test(tokens[at]!.text) ? at + 1 : undefined) ??
  (isWord(tokens[at], "no", "not") &&
  isWord(tokens[at + 1], "less", "fewer") &&
  isWord(tokens[at + 2], "than")
    ? at + 3
    : undefined);
export const maximumMarker: Marker = (tokens, at) =>
  boundMarker(
    tokens,
    at,
    ["max", "maximum"],
    ["most"],
    ["<=", "≤"],
    [
      "最大长度",
      "最大值",
      "最大",
      "最高",
      "不超过",
      "不大于",
      "不高于",
      "不能超过",
      "不得超过",
      "不可超过",
      "不能大于",
      "不得大于",
    ],
  ) ??
  (tokens[at]?.kind === "cjk" && CJK_AT_MOST.test(tokens[at]!.text) ? at + 1 : undefined) ??
  (isWord(tokens[at], "up") && isWord(tokens[at + 1], "to") ? at + 2 : undefined) ??
  (isWord(tokens[at], "limit") && isWord(tokens[at + 1], "of") ? at + 2 : undefined) ??
  // "cannot exceed 2500 characters", "must not exceed", "no more than 50".
  (isWord(tokens[at], "exceed") && isWord(tokens[at - 1], "cannot", "not", "never")
    ? at + 1
    : undefined) ??
  (isWord(tokens[at], "no", "not") &&
  isWord(tokens[at + 1], "more", "greater", "longer") &&
  isWord(tokens[at + 2], "than")
    ? at + 3
    : undefined);

/** `min`, `minimum value`, `at least`, `>=`, `最小值`: the index after the marker. */
function boundMarker(
  tokens: Token[],
  at: number,
  words: string[],
  afterAt: string[],
  symbols: string[],
  cjk: string[],
): number | undefined {
  const token = tokens[at];
  // `maximum value`, `maximum length` (a length: the caller knows from the words around).
  if (isWordIn(token, words)) return isWord(tokens[at + 1], "value", "length") ? at + 2 : at + 1;
  if (isWord(token, "at") && isWordIn(tokens[at + 1], afterAt)) return at + 2;
  if (isPunctIn(token, symbols)) return at + 1;
  if (cjkEndsWith(token, cjk)) return at + 1;
  return undefined;
}

export const CONTESTED = Symbol("contested");

/** What a bound counts, from the word after its number. */
type Unit = "length" | "other" | "none";

function unitAt(token: Token | undefined): Unit {
  if (token === undefined) return "none";
  if (isWordIn(token, LENGTH_WORDS) || (token.kind === "cjk" && /^个?(?:字符|字)/.test(token.text)))
    return "length";
  // "2个音色", "3 秒", "10MB", "8192 tokens": a measure of something else than characters.
  if (token.kind === "cjk" && /^(?:个|张|条|段|秒|分钟|小时|天|毫秒|次|位)/.test(token.text))
    return "other";
  if (
    isWord(token, "s", "ms", "sec", "secs", "seconds", "minutes", "mb", "kb", "gb", "m", "tokens")
  )
    return "other";
  return "none";
}

/**
 * The one bound the prose states with this marker, `CONTESTED` when it states several that
 * disagree. Where the prose speaks of a length, bounds counted in something else ("至多引用2个
 * 音色" next to "不能超过2500个字符") are about something else and are left out.
 */
export function oneBound(
  tokens: Token[],
  marker: Marker,
  ofLength: boolean,
): string | typeof CONTESTED | undefined {
  const found: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.example) continue;
    const after = marker(tokens, i);
    if (after === undefined) continue;
    const at = skipFiller(tokens, after, ["is", "of"], [":", "：", "="]);
    if (tokens[at]?.kind !== "number") continue;
    const unit = unitAt(tokens[at + 1]);
    if (ofLength && unit === "other") continue;
    // "at least 2 seconds of overlap": a measure of something else.
    if (unit === "other" && isWord(tokens[at + 2], "of")) continue;
    found.push(tokens[at]!.text);
  }
  if (found.length === 0) return undefined;
  return found.every((value) => Number(value) === Number(found[0])) ? found[0] : CONTESTED;
}
