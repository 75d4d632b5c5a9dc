/**
 * Enums in prose: `enumerated values: a, b`, `one of a, b or c`, `"jpeg", "png"`, `a | b`,
 * `a、b`, `range [low, high]`, `可选值：a、b`. Lists introduced as examples, names or file
 * types, and lists on fields that hold links, are not the field's values.
 */
import { cjkEndsWith, endsSentence, isDefaultWord, isPunct, isWord, skipFiller } from "./match.js";
import { rangeMarkerEnd } from "./read-range.js";
import { ANY_JOINER, CJK_ENUM_MARKERS, QUALIFIERS, VALUE_WORDS, readList } from "./read-list.js";
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

/** The index after an enum marker starting at `at`, if one does. */
function enumMarkerEnd(tokens: Token[], at: number): number | undefined {
  const token = tokens[at];
  if (isWord(token, "enumerated") && isWord(tokens[at + 1], ...VALUE_WORDS)) return at + 2;
  if (isWord(token, "enum", "enums", "enumeration", "enumerations")) return at + 1;
  if (isWord(token, ...QUALIFIERS) && isWord(tokens[at + 1], ...VALUE_WORDS)) return at + 2;
  if (isWord(token, "one") && isWord(tokens[at + 1], "of")) return at + 2;
  if (isWord(token, "option", "options", "choice", "choices")) return at + 1;
  if (
    cjkEndsWith(token, CJK_ENUM_MARKERS) &&
    !cjkEndsWith(token, ["取值范围"]) &&
    !isDefaultWord(token)
  )
    return at + 1;
  return undefined;
}

export function findEnum(tokens: Token[]): string[] | undefined {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.example) continue;
    const after = enumMarkerEnd(tokens, i);
    if (after === undefined) continue;
    const at = skipFiller(tokens, after, ["are", "is", "include", "includes"]);
    const bullets = bulletList(tokens, at);
    if (bullets) return bullets;
    const list = readList(tokens, at, { cjkItems: true, joiners: ANY_JOINER });
    if (list.items && !introducedAsExamples(tokens, i)) return list.items;
  }
  return rangeOfWords(tokens) ?? unmarkedList(tokens);
}

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
    if (!isPunct(tokens[open], "[")) continue;
    const list = readList(tokens, open + 1, { cjkItems: false, joiners: [",", "，"], closer: "]" });
    if (list.items?.some((item) => !/^[-+]?\d/.test(item))) return list.items;
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
            : undefined;
    if (!style || (token.kind !== "quoted" && token.kind !== "word" && token.kind !== "number"))
      continue;
    const list = readList(tokens, i, { cjkItems: false, ...style });
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

const BULLETS = ["-", "*", "•"];
/** How far one bulleted list is read: it keeps the scan per marker bounded. */
const BULLET_BUDGET = 400;

/**
 * `- effecting：学习完成 - learned：待确认 - pause：暂停`: one value per bullet, each followed by a
 * colon and what it means. Two bullets at least, or it is not a list.
 */
function bulletList(tokens: Token[], at: number): string[] | undefined {
  const items: string[] = [];
  let i = at;
  let budget = BULLET_BUDGET;
  while (isPunct(tokens[i], ...BULLETS) && isPunct(tokens[i + 2], ":", "：")) {
    const value = tokens[i + 1]!;
    if (value.kind !== "word" && value.kind !== "number" && value.kind !== "quoted") break;
    items.push(value.text);
    i += 3;
    // Skip what the value means, up to the next bullet.
    while (i < tokens.length && budget-- > 0 && !isPunct(tokens[i], ...BULLETS)) i++;
  }
  return items.length >= 2 ? [...new Set(items)] : undefined;
}
