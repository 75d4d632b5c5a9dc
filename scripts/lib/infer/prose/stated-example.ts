/** The example a description gives of its own value: `Example value: GV`, `示例值：Enabled`. */
import { isPunct, isWord } from "./match.js";
import type { Token } from "./tokens.js";

export function statedExample(tokens: Token[]): string | undefined {
  for (let i = 0; i + 2 < tokens.length; i++) {
    const token = tokens[i]!;
    let at: number | undefined;
    if (
      isWord(token, "example") &&
      isWord(tokens[i + 1], "value") &&
      isPunct(tokens[i + 2], ":", "：")
    )
      at = i + 3;
    else if (
      token.kind === "cjk" &&
      /示例值$/.test(token.text) &&
      isPunct(tokens[i + 1], ":", "：")
    )
      at = i + 2;
    const value = at === undefined ? undefined : tokens[at];
    if (value?.kind === "word" || value?.kind === "number" || value?.kind === "quoted")
      return value.text;
  }
  return undefined;
}
