/**
 * Enums in prose: `enumerated values: a, b`, `one of a, b or c`, `"jpeg", "png"`, `a | b`,
 * `a、b`, `range [low, high]`, `可选值：a、b`. Lists introduced as examples, names or file
 * types, and lists on fields that hold links, are not the field's values.
 */
import { enumMarkerAt } from "./enum-markers.js";
import { endsSentence, isDefaultWord, isPunct, isWord, skipFiller } from "./match.js";
import {
  announcedLines,
  bulletLines,
  bulletList,
  legendLines,
  namedValueLines,
} from "./read-legends.js";
import { rangeMarkerEnd } from "./read-range.js";
import { ANY_JOINER, NOT_VALUES, readList } from "./read-list.js";
import type { Token } from "./tokens.js";

/** A list after these is examples, names or kinds, not the field's own values. */
const INTRODUCES_EXAMPLES = new Set([
  "example",
  "examples",
  "e.g.",
  "eg.",
  "form",
  "name",
  "names",
  "tag",
  "tags",
  "header",
  "headers",
  "variable",
  "variables",
  "placeholder",
  "placeholders",
  "directory",
  "directories",
  "file",
  "files",
  "such",
  "like",
  "including",
  "attribute",
  "attributes",
  "field",
  "fields",
  "property",
  "properties",
  "parameter",
  "parameters",
  "key",
  "keys",
  "extension",
  "extensions",
  "feature",
  "features",
]);
const CJK_EXAMPLES = /例如|比如|譬如|示例|后缀|扩展名/;

/** What the enum reads, and whether it came from a list on the page (bypassing link checks). */
export interface FoundEnum {
  values: string[];
  /** One value per line with a legend: explicit enough to stand on a field that holds links. */
  legends?: boolean;
}

export function findEnum(tokens: Token[]): FoundEnum | undefined {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.example) continue;
    const marker = enumMarkerAt(tokens, i);
    if (marker === undefined) continue;
    const at = skipFiller(tokens, marker.end, ["are", "is", "include", "includes"]);
    if (tokens[at]?.kind === "break") {
      const lines = legendLines(tokens, at + 1, false);
      if (lines) return { values: lines, legends: true };
    }
    const bullets = bulletList(tokens, at);
    if (bullets) return { values: bullets };
    // "Supported file types:", "Placeholders:": a weak marker may introduce names, not values.
    if (!marker.strong && introducedAsExamples(tokens, at)) continue;
    const list = readList(tokens, at, { cjkItems: true, joiners: ANY_JOINER, marked: true });
    if (list.items) return { values: list.items };
    const single = marker.strong ? singleValue(tokens, at) : undefined;
    if (single) return { values: single };
  }
  const lines = announcedLines(tokens) ?? bulletLines(tokens) ?? namedValueLines(tokens);
  if (lines) return { values: lines, legends: true };
  const other = rangeOfWords(tokens) ?? unmarkedList(tokens) ?? alternatives(tokens);
  return other ? { values: other } : undefined;
}

/**
 * What a strong marker introduces when it is one token: `枚举值：customize`, `时长只支持5s`,
 * `Allowed: webp/png/jpeg` (a slash list is one token), `formats: "png"`.
 */
function singleValue(tokens: Token[], at: number): string[] | undefined {
  const token = tokens[at];
  if (token?.kind !== "word" && token?.kind !== "number" && token?.kind !== "quoted")
    return undefined;
  if (!endsSentence(tokens[at + 1])) return undefined;
  if (token.kind === "word" && token.text.includes("/")) {
    const parts = token.text.split("/");
    // `image/png` is one media type, not two values.
    if (
      parts.length === 2 &&
      /^(?:image|video|audio|application|text|font|model)$/i.test(parts[0]!)
    )
      return [token.text];
    return parts.every((part) => /^[\w.:-]+$/.test(part)) ? [...new Set(parts)] : undefined;
  }
  return NOT_VALUES.has(token.lower) ? undefined : [token.text];
}

/**
 * `720p或者1080p默认720p`, `tts-1 或 tts-1-hd`: two literals joined by "or" that make up a
 * whole statement. A literal has a digit or is quoted: "URL or base64" is prose.
 */
function alternatives(tokens: Token[]): string[] | undefined {
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (i > 0 && !endsSentence(tokens[i - 1]) && !isPunct(tokens[i - 1], ":", "：")) continue;
    if (tokens[i]!.example || !isLiteral(tokens[i])) continue;
    const or = tokens[i + 1]!;
    if (!(isWord(or, "or") || (or.kind === "cjk" && (or.text === "或" || or.text === "或者"))))
      continue;
    if (!isLiteral(tokens[i + 2])) continue;
    const after = tokens[i + 3];
    if (endsSentence(after) || isDefaultWord(after)) return [tokens[i]!.text, tokens[i + 2]!.text];
  }
  return undefined;
}

function isLiteral(token: Token | undefined): boolean {
  return (
    token?.kind === "quoted" ||
    ((token?.kind === "word" || token?.kind === "number") && /\d/.test(token.text))
  );
}

const CLOSERS: Record<string, string> = { "[": "]", "(": ")", "（": "）", "【": "】" };

/** `range [low, medium, high]`: a bracketed "range" of words is a set of values. */
function rangeOfWords(tokens: Token[]): string[] | undefined {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.example) continue;
    const after = rangeMarkerEnd(tokens, i);
    if (after === undefined) continue;
    const open = skipFiller(tokens, after, ["is", "of"]);
    // `**取值范围**： - Linux：Linux。 - Windows：Windows。`: a range of named values.
    const bullets = bulletList(tokens, open);
    if (bullets) return bullets;
    // `range [16:9, 9:16, 1:1]`, `范围值[720p，1080p]`, `范围（3：4、4：3）`.
    const closer = CLOSERS[tokens[open]?.kind === "punct" ? tokens[open]!.text : ""];
    if (closer === undefined) continue;
    const list = readList(tokens, open + 1, {
      cjkItems: false,
      joiners: [",", "，", "、"],
      closer,
    });
    // `[1, 10]` is an interval; `[720p, 1080p]`, `[16:9, 9:16]` are values.
    if (list.items?.some((item) => !/^[-+]?\d+(?:\.\d+)?$/.test(item))) return list.items;
  }
  return undefined;
}

/** Quoted lists (`"jpeg", "png"`), pipe lists (`a | b`) and `a、b`, with no marker before. */
/** Without a marker, "and" joins things a sentence talks about ("includes `a` and `b`"). */
const QUOTED_JOINERS = [",", "，", "、", "|", "or", "或"];

function unmarkedList(tokens: Token[]): string[] | undefined {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.example) continue;
    const token = tokens[i]!;
    const next = tokens[i + 1];
    const style =
      token.kind === "quoted"
        ? { quotedOnly: true, joiners: QUOTED_JOINERS }
        : isPunct(next, "|")
          ? { quotedOnly: false, joiners: ["|"] }
          : isPunct(next, "、")
            ? { quotedOnly: false, joiners: ["、"] }
            : // `png\jpg`: a backslash joins values only when they are the whole description.
              isPunct(next, "\\") && i === 0
              ? { quotedOnly: false, joiners: ["\\"], whole: true }
              : undefined;
    if (!style || (token.kind !== "quoted" && token.kind !== "word" && token.kind !== "number"))
      continue;
    // `square、square pro、landscape_4_3`: a list starts neither inside a name nor after a
    // joiner (that is the tail of a longer list, read or refused from its start).
    const before = tokens[i - 1];
    if (isPunct(before, "、", "|", ",", "，")) continue;
    if (style.joiners[0] === "、" && (before?.kind === "word" || before?.kind === "number"))
      continue;
    const list = readList(tokens, i, { cjkItems: false, ...style });
    if (list.items && "whole" in style && list.end < tokens.length) return undefined;
    if (list.items && !introducedAsExamples(tokens, i)) return list.items;
    // Resume where reading stopped: a later start in the same chain stops at the same token,
    // and skipping it keeps every token looked at a bounded number of times.
    i = Math.max(i, list.end - 1);
  }
  return undefined;
}

/** `for example "a" or "b"`, `attributes x and y`: names and samples, not the field's values. */
function introducedAsExamples(tokens: Token[], listStart: number): boolean {
  for (let i = listStart - 1; i >= Math.max(0, listStart - 6); i--) {
    const token = tokens[i]!;
    if (endsSentence(token)) return false;
    if (token.kind === "word" && INTRODUCES_EXAMPLES.has(token.lower)) return true;
    if (token.kind === "cjk" && CJK_EXAMPLES.test(token.text)) return true;
  }
  return false;
}

/** A field that holds a link lists what the link may point at (file types), not its values. */
export function describesLinks(tokens: Token[]): boolean {
  return tokens.some(
    (t) =>
      isWord(t, "url", "urls", "uri", "uris", "link", "links") ||
      (t.kind === "cjk" && /链接|网址/.test(t.text)),
  );
}
