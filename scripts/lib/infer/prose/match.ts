/** Small predicates over tokens that every prose rule shares. */
import type { Token } from "./tokens.js";

export const isWord = (token: Token | undefined, ...words: string[]) =>
  token?.kind === "word" && words.includes(token.lower);
export const isPunct = (token: Token | undefined, ...chars: string[]) =>
  token?.kind === "punct" && chars.includes(token.text);

// A list passed as is, not spread into the rest parameter above: the rules call these on every
// token of every description, and a spread builds a new array at each call.
export const isWordIn = (token: Token | undefined, words: readonly string[]) =>
  token?.kind === "word" && words.includes(token.lower);
export const isPunctIn = (token: Token | undefined, chars: readonly string[]) =>
  token?.kind === "punct" && chars.includes(token.text);

/** CJK connectives that may trail a marker inside one run: 默认值为, 可选值有. */
const CJK_CONNECTIVES = ["为", "是", "有", "包括", "包含"];

/** Whether a CJK run ends with one of the markers, ignoring a trailing connective. */
export function cjkEndsWith(token: Token | undefined, markers: string[]): boolean {
  if (token?.kind !== "cjk") return false;
  const text = stripConnective(token.text);
  return markers.some((marker) => text.endsWith(marker));
}

function stripConnective(text: string): string {
  for (const connective of CJK_CONNECTIVES)
    if (text.endsWith(connective) && text.length > connective.length)
      return text.slice(0, -connective.length);
  return text;
}

/** Skips filler words and a colon after a marker: `range is: 1-4`, `values are 'a'`. */
export function skipFiller(
  tokens: Token[],
  at: number,
  words: string[],
  marks = [":", "："],
): number {
  let i = at;
  // Twice: exports stutter ("Valid values are are 1-3").
  if (isWordIn(tokens[i], words)) i++;
  if (isWordIn(tokens[i], words)) i++;
  if (isPunctIn(tokens[i], marks)) i++;
  return i;
}

/** Where a sentence ends: a list or a value must reach one to count. */
export function endsSentence(token: Token | undefined): boolean {
  return (
    token === undefined ||
    token.kind === "break" ||
    isPunct(token, ";", "；", "。", ".", ")", "）", "!", "?", "！", "？")
  );
}

/** `default`, `defaults`, or a CJK run starting with 默认. */
export function isDefaultWord(token: Token | undefined): boolean {
  return (
    isWord(token, "default", "defaults") || (token?.kind === "cjk" && token.text.startsWith("默认"))
  );
}

/** Where a sentence really ends; unlike `endsSentence`, a closing parenthesis does not. */
function endsStatement(token: Token): boolean {
  return token.kind === "break" || isPunct(token, ";", "；", "。", ".", "!", "?", "！", "？");
}

const INTRODUCES_EXAMPLE = ["e.g.", "eg.", "such"];
/** Advice, not a rule: "建议不超过500字", "It is recommended not to exceed 300 characters". */
const ADVICE_WORDS = ["recommended", "recommend", "suggested", "suggest", "ideally"];
const CJK_ADVICE = /建议|推荐|最好|一般|通常/;
/** A habit, not a rule: "usually between 1 and 4". */
const HABIT_WORDS = ["typically", "generally", "usually", "normally"];
/** "每个分镜的最大长度不超过512": a bound on each item of the field, not on the field. */
const CJK_EACH = /^(?:每个|每张|每条|每段|每一|每)/;
const EACH_WORDS = ["each", "every", "per"];
const BULLET_MARKS = ["-", "*", "•", "●", "○", "◦", "·"];
const OPENS_ASIDE = [...INTRODUCES_EXAMPLE, ...ADVICE_WORDS, ...HABIT_WORDS];
/** At a sentence's start: "For gpt-image-1, …", "Each item …". */
const OPENS_CONDITION = ["for", ...EACH_WORDS];

/**
 * Marks the tokens that state no constraint of the field: from "for example", "e.g." or "such
 * as" to the end of the sentence ("For example, at 0.5, at most 50% of the log…"), whole
 * sentences under a condition on something else ("For gpt-image-1, must be one of …",
 * "对于 gpt-image-1，支持的取值有：…") or about each item ("每个分镜…不超过512"), and advice from
 * where it starts ("建议不超过500字", "we generally recommend …"): advice neither applies a bound
 * nor contests one stated elsewhere.
 */
export function markExamples(tokens: Token[]): void {
  let aside = false;
  let position = 0;
  tokens.forEach((token, i) => {
    if (endsStatement(token)) {
      aside = false;
      position = 0;
      return;
    }
    // The first token of a sentence, or the first after a bullet that starts it.
    const opening = position === 0 || (position === 1 && isPunctIn(tokens[i - 1], BULLET_MARKS));
    position++;
    if (
      isWordIn(token, OPENS_ASIDE) ||
      (isWord(token, "example", "examples") &&
        (isWord(tokens[i - 1], "for") || isWord(tokens[i + 1], "value", "values") || opening)) ||
      (token.kind === "cjk" &&
        (/例如|比如|譬如|示例/.test(token.text) || CJK_ADVICE.test(token.text))) ||
      (opening &&
        (isWordIn(token, OPENS_CONDITION) ||
          (token.kind === "cjk" &&
            (/^(?:对于|针对)/.test(token.text) || CJK_EACH.test(token.text)))))
    )
      aside = true;
    if (aside) token.example = true;
  });
}

/**
 * Prose that says its own numbers are not the rule ("具体取值范围、默认值需见对应模型",
 * "depends on the model"): nothing in it is applied.
 */
export function hedged(tokens: Token[]): boolean {
  return tokens.some(
    (token) =>
      (token.kind === "cjk" &&
        /需见|参见对应|以实际为准|视.{0,8}而定|因模型而异|依据模型而定|一般取值|通常取值/.test(
          token.text,
        )) ||
      isWord(token, "depends", "varies"),
  );
}
