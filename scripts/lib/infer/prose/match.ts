/** Small predicates over tokens that every prose rule shares. */
import type { Token } from "./tokens.js";

export const isWord = (token: Token | undefined, ...words: string[]) =>
  token?.kind === "word" && words.includes(token.lower);
export const isPunct = (token: Token | undefined, ...chars: string[]) =>
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
  if (isWord(tokens[i], ...words)) i++;
  if (isWord(tokens[i], ...words)) i++;
  if (isPunct(tokens[i], ...marks)) i++;
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

/**
 * Marks the tokens of sentences that give examples, from "for example", "e.g." or "such as" to
 * the end of the sentence: what they say is a sample, not the field's constraint
 * ("For example, at 0.5, at most 50% of the log…").
 */
export function markExamples(tokens: Token[]): void {
  let inExample = false;
  tokens.forEach((token, i) => {
    if (endsStatement(token)) inExample = false;
    else if (
      isWord(token, ...INTRODUCES_EXAMPLE) ||
      (isWord(token, "example", "examples") && isWord(tokens[i - 1], "for")) ||
      (token.kind === "cjk" && /例如|比如|譬如/.test(token.text))
    )
      inExample = true;
    if (inExample) token.example = true;
  });
}
