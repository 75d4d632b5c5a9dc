/**
 * Where an enum's values start: after `enumerated values:`, `one of`, `Supported formats:`,
 * `options include`, `Style only supports:`, `可选值：`, `枚举值`, `支持：`, `可用值`, `必须是`,
 * `模型之一:`. A marker is "strong" when it may introduce a single value (`枚举值：customize`,
 * `时长只支持5s`): it names the values themselves, not a choice between several.
 */
import { cjkEndsWith, isDefaultWord, isPunct, isWord, isWordIn } from "./match.js";
import { CJK_ENUM_MARKERS, QUALIFIERS, VALUE_WORDS } from "./read-list.js";
import type { Token } from "./tokens.js";

export interface EnumMarker {
  /** The index after the marker. */
  end: number;
  /** Whether a single value after it is the field's only value. */
  strong: boolean;
}

const NAMES_OF_VALUES = ["enumerated", "enumeration", "enum"];
/** "Supported output image formats:": a qualifier, up to three nouns, a colon. */
const QUALIFIED_NOUN_SPAN = 3;

export function enumMarkerAt(tokens: Token[], at: number): EnumMarker | undefined {
  const token = tokens[at];
  const next = tokens[at + 1];
  if (isWordIn(token, NAMES_OF_VALUES) && isWordIn(next, VALUE_WORDS))
    return { end: at + 2, strong: true };
  if (isWord(token, "enum", "enums", "enumeration", "enumerations"))
    return { end: at + 1, strong: true };
  if (isWordIn(token, QUALIFIERS) && isWordIn(next, VALUE_WORDS))
    return { end: at + 2, strong: isWord(token, "allowed", "valid", "permitted", "accepted") };
  if (isWord(token, "one") && isWord(next, "of")) return { end: at + 2, strong: false };
  if (isWord(token, "option", "options", "choice", "choices"))
    return { end: at + 1, strong: false };
  if (isWord(token, "only") && isWord(next, "supports", "support", "accepts", "allows"))
    return { end: at + 2, strong: true };
  if (isWord(token, "values") && isWord(next, "include", "includes"))
    return { end: at + 2, strong: false };
  if (isWordIn(token, QUALIFIERS)) {
    // "Supported: a, b", "Supported formats: a, b", "Allowed: webp/png/jpeg".
    for (let j = at + 1; j <= at + 1 + QUALIFIED_NOUN_SPAN; j++) {
      // "Allowed:", "Valid values:" name the values; "Supported formats:" may name one of many.
      if (isPunct(tokens[j], ":", "："))
        return { end: j, strong: isWord(token, "allowed", "valid", "accepted", "permitted") };
      if (tokens[j]?.kind !== "word") break;
    }
    return undefined;
  }
  if (token?.kind !== "cjk" || isDefaultWord(token)) return undefined;
  // 只支持5s, 仅支持: the only value; 支持：a、b, 支持的格式有:a、b: the values.
  // "此参数仅支持`dall-e-3`" says which model the parameter works with, not its value.
  // "目前仅支持 gpt-image-1": what works today, not the field's contract.
  if (/(?:只|仅)支持$/.test(token.text) && !/参数|模型|接口|目前|当前|暂时|暂/.test(token.text))
    return { end: at + 1, strong: true };
  // "此处固定为：1": the one value this endpoint takes.
  if (/固定(?:为|是)$/.test(token.text)) return { end: at + 1, strong: true };
  if (/^支持(?:的[\u4e00-\u9fff]{1,4}(?:有|为|是|包括)?)?$/.test(token.text))
    return { end: at + 1, strong: false };
  if (/必须(?:是|为)$/.test(token.text)) return { end: at + 1, strong: false };
  if (token.text.endsWith("之一") && isPunct(next, ":", "："))
    return { end: at + 1, strong: false };
  if (cjkEndsWith(token, CJK_ENUM_MARKERS) && !cjkEndsWith(token, ["取值范围"]))
    // A bare 可选 is as often "optional" as "options": it never introduces a single value.
    return { end: at + 1, strong: !/可选$/.test(token.text) };
  return undefined;
}
