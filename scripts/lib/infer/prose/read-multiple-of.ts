/**
 * Steps in prose: `must be a multiple of 64`, `multiples of 8`, `64的倍数`, `为8的整数倍`. The
 * number must be positive; anything else ("a multiple of the batch size") reads nothing.
 */
import { isWord } from "./match.js";
import type { Token } from "./tokens.js";

export function findMultipleOf(tokens: Token[]): string | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.example) continue;
    const next = tokens[i + 1];
    const english =
      isWord(token, "multiple", "multiples") && isWord(next, "of") ? tokens[i + 2] : undefined;
    const chinese =
      token.kind === "number" && next?.kind === "cjk" && /^的?(?:整数)?倍数/.test(next.text)
        ? token
        : undefined;
    const step = english ?? chinese;
    if (step?.kind === "number" && Number(step.text) > 0) return step.text;
  }
  return undefined;
}
