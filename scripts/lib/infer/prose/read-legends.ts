/**
 * Values listed one per line, each with what it means:
 *
 *     Possible values:            可选项为：              - true：错峰生成视频；      portrait 竖屏
 *     Permanent: Permanent …      1：左上角               - false：即时生成视频；     landscape 横屏
 *     Temporary: Temporary …      2：右上角
 *     Default value: Temporary    默认为：3
 *
 * The block must be well formed to count: every line a value, a colon and a legend, up to the
 * end of the text or a line that closes it (a default, an example, a note). One odd line and
 * nothing is read: a list half understood is not the field's values.
 */
import { isDefaultWord, isPunct, isPunctIn, isWord, isWordIn } from "./match.js";
import type { Token } from "./tokens.js";

const BULLETS = ["-", "*", "•", "●", "○", "◦", "·"];
/** Bullets of a one-line list (`- a：… - b：…`): fewer marks, they also start dashes in prose. */
const INLINE_BULLETS = ["-", "*", "•"];
/** Tokens one legend block may span: bounds the look-ahead from each place it is tried. */
const BLOCK_BUDGET = 600;

/** A line that ends a legend block: `Default value: …`, `Example value: …`, `注1：…`, `Note: …`. */
function closesBlock(token: Token | undefined): boolean {
  return (
    isDefaultWord(token) ||
    isWord(token, "example", "examples", "note", "notes") ||
    (token?.kind === "cjk" && /^(?:注|示例|例如|备注|说明)/.test(token.text))
  );
}

/**
 * Lines of `value: legend` (or `- value：legend`) starting at `at`, the first token of a line.
 * `bulleted`: every line must start with a bullet (then no marker line is needed before).
 */
export function legendLines(tokens: Token[], at: number, bulleted: boolean): string[] | undefined {
  const values: string[] = [];
  let i = at;
  const limit = Math.min(tokens.length, at + BLOCK_BUDGET);
  while (i < limit) {
    let first = i;
    if (isPunctIn(tokens[first], BULLETS)) first++;
    else if (bulleted) break;
    if (closesBlock(tokens[first])) break;
    const value = tokens[first];
    if (value?.kind !== "word" && value?.kind !== "number" && value?.kind !== "quoted")
      return undefined;
    if (!isPunct(tokens[first + 1], ":", "：")) return undefined;
    const legend = tokens[first + 2];
    if (legend === undefined || legend.kind === "break") return undefined;
    values.push(value.text);
    // The legend runs to the end of the line.
    i = first + 2;
    while (i < limit && tokens[i]!.kind !== "break") i++;
    i++;
  }
  if (i < tokens.length && i >= limit) return undefined;
  return values.length >= 2 ? [...new Set(values)] : undefined;
}

/** `portrait 竖屏\nlandscape 横屏`: the whole text is lines of a value and its Chinese name. */
export function namedValueLines(tokens: Token[]): string[] | undefined {
  const values: string[] = [];
  for (let i = 0; i < tokens.length; i += 3) {
    const [value, name, end] = [tokens[i], tokens[i + 1], tokens[i + 2]];
    if (value?.kind !== "word" || name?.kind !== "cjk") return undefined;
    if (end !== undefined && end.kind !== "break") return undefined;
    values.push(value.text);
  }
  return values.length >= 2 ? values : undefined;
}

/** Words on a line ending in a colon that announce values listed below it, one per line. */
const ANNOUNCES_VALUES = [
  "values",
  "value",
  "options",
  "supported",
  "following",
  "include",
  "includes",
  "modes",
  "types",
  "methods",
];

/** A line ending in a colon that announces values ("the following two … are supported:"). */
export function announcedLines(tokens: Token[]): string[] | undefined {
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (!isPunct(tokens[i], ":", "：") || tokens[i + 1]!.kind !== "break" || tokens[i]!.example)
      continue;
    if (!announcesValues(tokens, i)) continue;
    const lines = legendLines(tokens, i + 2, false);
    if (lines) return lines;
  }
  return undefined;
}

/** Whether the line ending at the colon `colon` speaks of values (bounded look-back). */
function announcesValues(tokens: Token[], colon: number): boolean {
  for (let j = colon - 1; j >= Math.max(0, colon - 30); j--) {
    const token = tokens[j]!;
    if (token.kind === "break") return false;
    if (isWordIn(token, ANNOUNCES_VALUES)) return true;
    if (token.kind === "cjk" && /可选|取值|枚举|支持|选项/.test(token.text)) return true;
  }
  return false;
}

/** `是否添加水印\n- true：添加水印；\n- false：不添加水印`: bulleted legends need no marker. */
export function bulletLines(tokens: Token[]): string[] | undefined {
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i]!.kind !== "break" || !isPunct(tokens[i + 1], "-", "*", "•", "●", "○")) continue;
    const lines = legendLines(tokens, i + 1, true);
    if (lines) return lines;
  }
  return undefined;
}

/** How far one bulleted list is read: it keeps the scan per marker bounded. */
const BULLET_BUDGET = 400;

/**
 * `- effecting：学习完成 - learned：待确认 - pause：暂停`: one value per bullet, each followed by a
 * colon and what it means. Two bullets at least, or it is not a list.
 */
export function bulletList(tokens: Token[], at: number): string[] | undefined {
  const items: string[] = [];
  let i = at;
  let budget = BULLET_BUDGET;
  while (isPunctIn(tokens[i], INLINE_BULLETS) && isPunct(tokens[i + 2], ":", "：")) {
    const value = tokens[i + 1]!;
    if (value.kind !== "word" && value.kind !== "number" && value.kind !== "quoted") break;
    items.push(value.text);
    i += 3;
    // Skip what the value means, up to the next bullet.
    while (i < tokens.length && budget-- > 0 && !isPunctIn(tokens[i], INLINE_BULLETS)) i++;
  }
  return items.length >= 2 ? [...new Set(items)] : undefined;
}
