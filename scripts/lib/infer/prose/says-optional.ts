/**
 * Whether a field's description calls it optional: `Optional.`, `(optional)`, `is optional`,
 * `optional parameter`, `选填`, `非必填`. "Optional values: a, b" lists values instead.
 */
import { isPunct, isWord } from "./match.js";
import { tokenize } from "./tokens.js";

const CJK_OPTIONAL = /非必填|选填|非必须|非必需|可不填|可选参数|可选字段/;

export function saysOptional(text: string): boolean {
  const tokens = tokenize(text);
  return tokens.some((token, i) => {
    if (token.kind === "cjk")
      return (
        CJK_OPTIONAL.test(token.text) ||
        (token.text === "可选" && (i === 0 || isPunct(tokens[i - 1], "(", "（", "[", "【")))
      );
    if (!isWord(token, "optional")) return false;
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    if (isWord(before, "not")) return false;
    if (i === 0)
      return after === undefined || isPunct(after, ".", ",", ";", ":", "，", "。", "：", "-");
    return (
      (isPunct(before, "(", "[", "（") && isPunct(after, ")", "]", "）")) ||
      isWord(before, "is", "are") ||
      isWord(after, "field", "parameter", "param", "property")
    );
  });
}
