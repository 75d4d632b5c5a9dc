/**
 * Reads constraints that API exports state only in prose ("range: 1-4", "enumerated values:
 * a, b", "默认值：jpeg"). Rules over the tokens of `prose-tokens.ts`, each a single pass with
 * a bounded look-ahead, so reading is linear in the text's length. Pure text in, raw strings
 * out: coercion to the property's type and deciding what is safe to apply happen in
 * `infer-constraints.ts`. When in doubt a rule reads nothing: a missed constraint costs a
 * user less than an invented one that rejects a valid call.
 */
import { tokenize, type Token } from "./prose-tokens.js";

export interface ProseRange {
  min?: string;
  max?: string;
  /** Whether the prose speaks of a length ("1-100 characters") rather than a value. */
  ofLength: boolean;
  /** The prose states bounds that disagree ("range 1-4, max 2"): nothing is applied. */
  contested?: boolean;
}

export interface ProseConstraints {
  enum?: string[];
  range?: ProseRange;
  default?: string;
}

export function parseProse(text: string): ProseConstraints {
  const tokens = tokenize(text);
  const found: ProseConstraints = {};
  const range = findRange(tokens);
  if (range) found.range = range;
  const values = describesLinks(tokens) ? undefined : findEnum(tokens);
  if (values) found.enum = values;
  const fallback = findDefault(tokens, values);
  if (fallback !== undefined) found.default = fallback;
  return found;
}

// ---------------------------------------------------------------------------------------
// Token helpers

const isWord = (token: Token | undefined, ...words: string[]) =>
  token?.kind === "word" && words.includes(token.lower);
const isPunct = (token: Token | undefined, ...chars: string[]) =>
  token?.kind === "punct" && chars.includes(token.text);

/** CJK connectives that may trail a marker inside one run: 默认值为, 可选值有. */
const CJK_CONNECTIVES = ["为", "是", "有", "包括", "包含"];

/** Whether a CJK run ends with one of the markers, ignoring a trailing connective. */
function cjkEndsWith(token: Token | undefined, markers: string[]): boolean {
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
function skipFiller(tokens: Token[], at: number, words: string[], marks = [":", "："]): number {
  let i = at;
  if (isWord(tokens[i], ...words)) i++;
  if (isPunct(tokens[i], ...marks)) i++;
  return i;
}

/** Where a sentence ends: a list or a value must reach one to count. */
function endsSentence(token: Token | undefined): boolean {
  return (
    token === undefined ||
    token.kind === "break" ||
    isPunct(token, ";", "；", "。", ".", ")", "）", "!", "?", "！", "？")
  );
}

// ---------------------------------------------------------------------------------------
// Ranges

const SPAN_SEPARATORS = ["-", "–", "—", "~", "～", ",", "，"];
const OPEN_BRACKETS = ["[", "(", "（"];
const CLOSE_BRACKETS = ["]", ")", "）"];
const LENGTH_WORDS = ["length", "character", "characters", "char", "chars"];

function findRange(tokens: Token[]): ProseRange | undefined {
  const ofLength = tokens.some(
    (t) => isWord(t, ...LENGTH_WORDS) || (t.kind === "cjk" && /长度|字符|字数/.test(t.text)),
  );
  const span = markedSpan(tokens) ?? bracketSpan(tokens) ?? tildeSpan(tokens) ?? lengthSpan(tokens);
  const min = firstBound(tokens, minimumMarker);
  const max = firstBound(tokens, maximumMarker);
  if (span) {
    // "range 1-4, max 2": the prose disagrees with itself, so neither bound can be trusted.
    const contested =
      (min !== undefined && Number(min) !== Number(span.min)) ||
      (max !== undefined && Number(max) !== Number(span.max));
    return contested ? { ...span, ofLength, contested: true } : { ...span, ofLength };
  }
  if (min === undefined && max === undefined) return undefined;
  const range: ProseRange = { ofLength };
  if (min !== undefined) range.min = min;
  if (max !== undefined) range.max = max;
  return range;
}

interface Span {
  min: string;
  max: string;
  /** The index after the span's last number. */
  end: number;
}

/** `a - b`, `a to b`, `a and b`, `a 至 b` starting at `at`. */
function spanAt(tokens: Token[], at: number): Span | undefined {
  const low = tokens[at];
  const separator = tokens[at + 1];
  const high = tokens[at + 2];
  if (low?.kind !== "number" || high?.kind !== "number") return undefined;
  const separates =
    isPunct(separator, ...SPAN_SEPARATORS) ||
    isWord(separator, "to", "and") ||
    (separator?.kind === "cjk" && (separator.text === "至" || separator.text === "到"));
  return separates ? { min: low.text, max: high.text, end: at + 3 } : undefined;
}

/** After a marker (`range`, `value range`, `between`, `from`, `取值范围`): `1-20`, `[1, 20]`. */
function markedSpan(tokens: Token[]): Omit<Span, "end"> | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const after = rangeMarkerEnd(tokens, i);
    if (after === undefined) continue;
    let at = skipFiller(tokens, after, ["is", "of"]);
    if (isPunct(tokens[at], ...OPEN_BRACKETS)) at++;
    const span = spanAt(tokens, at);
    if (span) return { min: span.min, max: span.max };
  }
  return undefined;
}

/** The index after a range marker starting at `at`, if one does. */
function rangeMarkerEnd(tokens: Token[], at: number): number | undefined {
  const token = tokens[at];
  if (isWord(token, "range")) return isWord(tokens[at + 1], "value", "values") ? at + 2 : at + 1;
  if (isWord(token, "between", "from")) return at + 1;
  if (cjkEndsWith(token, ["范围"])) return at + 1;
  return undefined;
}

/** An interval in brackets, no marker needed: `(1-4)`, `[0.0, 1.0]`. */
function bracketSpan(tokens: Token[]): Omit<Span, "end"> | undefined {
  for (let i = 0; i < tokens.length; i++) {
    if (!isPunct(tokens[i], ...OPEN_BRACKETS)) continue;
    const span = spanAt(tokens, i + 1);
    if (span && isPunct(tokens[span.end], ...CLOSE_BRACKETS))
      return { min: span.min, max: span.max };
  }
  return undefined;
}

/** `1~47`: a tilde between two numbers is a range wherever it stands. */
function tildeSpan(tokens: Token[]): Omit<Span, "end"> | undefined {
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i]?.kind === "number" && isPunct(tokens[i + 1], "~", "～")) {
      const span = spanAt(tokens, i);
      if (span) return { min: span.min, max: span.max };
    }
  }
  return undefined;
}

/** `1 to 4000 characters`: a span needs no marker when a length unit follows it. */
function lengthSpan(tokens: Token[]): Omit<Span, "end"> | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const span = spanAt(tokens, i);
    if (!span) continue;
    const unit = tokens[span.end];
    if (
      isWord(unit, "character", "characters", "char", "chars") ||
      (unit?.kind === "cjk" && /^(?:个?字符|字)/.test(unit.text))
    )
      return { min: span.min, max: span.max };
  }
  return undefined;
}

type Marker = (tokens: Token[], at: number) => number | undefined;

const minimumMarker: Marker = (tokens, at) =>
  boundMarker(
    tokens,
    at,
    ["min", "minimum"],
    ["least"],
    [">=", "≥"],
    ["最小值", "最小", "不小于", "不低于"],
  );
const maximumMarker: Marker = (tokens, at) =>
  boundMarker(
    tokens,
    at,
    ["max", "maximum"],
    ["most"],
    ["<=", "≤"],
    ["最大值", "最大", "不超过", "不大于", "不高于"],
  ) ?? (isWord(tokens[at], "up") && isWord(tokens[at + 1], "to") ? at + 2 : undefined);

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
  if (isWord(token, ...words)) return isWord(tokens[at + 1], "value") ? at + 2 : at + 1;
  if (isWord(token, "at") && isWord(tokens[at + 1], ...afterAt)) return at + 2;
  if (isPunct(token, ...symbols)) return at + 1;
  if (cjkEndsWith(token, cjk)) return at + 1;
  return undefined;
}

function firstBound(tokens: Token[], marker: Marker): string | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const after = marker(tokens, i);
    if (after === undefined) continue;
    const at = skipFiller(tokens, after, ["is", "of"], [":", "：", "="]);
    if (tokens[at]?.kind === "number") return tokens[at]!.text;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Enums

const VALUE_WORDS = ["value", "values"];
const QUALIFIERS = [
  "optional",
  "possible",
  "allowed",
  "valid",
  "supported",
  "available",
  "accepted",
  "permitted",
];
const CJK_ENUM_MARKERS = ["可选值", "可选项", "可选", "枚举值", "枚举", "取值"];
/** Words that introduce or stand beside a list but are never one of its values. */
const NOT_VALUES = new Set([
  ...VALUE_WORDS,
  ...QUALIFIERS,
  "enum",
  "enums",
  "enumerated",
  "option",
  "options",
  "choice",
  "choices",
  "the",
  "a",
  "an",
  "is",
  "are",
  "of",
  "one",
  "etc",
]);
/** A list after these is examples, names or kinds, not the field's own values. */
const INTRODUCES_EXAMPLES = new Set([
  "example",
  "examples",
  "e.g",
  "eg",
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
  if (cjkEndsWith(token, CJK_ENUM_MARKERS) && !cjkEndsWith(token, ["取值范围"])) return at + 1;
  return undefined;
}

function findEnum(tokens: Token[]): string[] | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const after = enumMarkerEnd(tokens, i);
    if (after === undefined) continue;
    const at = skipFiller(tokens, after, ["are", "is", "include", "includes"]);
    const list = readList(tokens, at, { cjkItems: true, joiners: ANY_JOINER });
    if (list.items && !introducedAsExamples(tokens, i)) return list.items;
  }
  return rangeOfWords(tokens) ?? unmarkedList(tokens);
}

/** `range [low, medium, high]`: a bracketed "range" of words is a set of values. */
function rangeOfWords(tokens: Token[]): string[] | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const after = rangeMarkerEnd(tokens, i);
    if (after === undefined) continue;
    const open = skipFiller(tokens, after, ["is", "of"]);
    if (!isPunct(tokens[open], "[")) continue;
    const list = readList(tokens, open + 1, { cjkItems: false, joiners: [",", "，"], closer: "]" });
    if (list.items?.some((item) => !/^[-+]?\d/.test(item))) return list.items;
  }
  return undefined;
}

/** Quoted lists (`"jpeg", "png"`), pipe lists (`a | b`) and `a、b`, with no marker before. */
function unmarkedList(tokens: Token[]): string[] | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    const style =
      token.kind === "quoted"
        ? { quotedOnly: true, joiners: ANY_JOINER }
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

const ANY_JOINER = [",", "，", "、", "|", "or", "and", "或", "和", "及"];

interface ListStyle {
  /** Whether a run of CJK characters may be an item (after an explicit marker only). */
  cjkItems: boolean;
  joiners: string[];
  quotedOnly?: boolean;
  /** A closing bracket the list must end at. */
  closer?: string;
}

/**
 * Reads `a, b or c` from `at`: single-token items and joiners, up to the end of the sentence.
 * Anything else before the sentence ends ("a, b for fast mode") means it is not a list.
 */
function readList(tokens: Token[], at: number, style: ListStyle): ReadList {
  const items: string[] = [];
  let i = at;
  for (;;) {
    const item = itemText(tokens[i], style);
    if (item === undefined) return { end: i };
    items.push(item);
    i++;
    if (isWord(tokens[i], "etc") || isPunct(tokens[i], "…")) {
      i++;
      if (isPunct(tokens[i], ".") && !endsSentence(tokens[i + 1])) i++;
      break;
    }
    const joiner = joinerLength(tokens, i, style.joiners);
    if (joiner === 0) break;
    if (defaultClauseAt(tokens, i)) break;
    i += joiner;
  }
  const closed = style.closer
    ? isPunct(tokens[i], style.closer)
    : endsSentence(tokens[i]) || defaultClauseAt(tokens, i);
  if (!closed || items.length < 2) return { end: i };
  return { items: [...new Set(items)], end: i };
}

/** `items` when a list was read; `end` where reading stopped either way. */
interface ReadList {
  items?: string[];
  end: number;
}

/** `, default x` closes a list (the default rule reads it); `, default.` is an item. */
function defaultClauseAt(tokens: Token[], at: number): boolean {
  return (
    isPunct(tokens[at], ",", "，") &&
    isDefaultWord(tokens[at + 1]) &&
    !endsSentence(tokens[at + 2]) &&
    joinerLength(tokens, at + 2, ANY_JOINER) === 0
  );
}

/** `,`, `or`, `, or`, `、`, `|`: how many tokens join two items here (0: none). */
function joinerLength(tokens: Token[], at: number, joiners: string[]): number {
  const joins = (token: Token | undefined) =>
    token !== undefined &&
    token.kind !== "quoted" &&
    token.kind !== "number" &&
    joiners.includes(token.lower);
  if (!joins(tokens[at])) return 0;
  return isPunct(tokens[at], ",", "，") &&
    isWord(tokens[at + 1], "or", "and") &&
    joins(tokens[at + 1])
    ? 2
    : 1;
}

/** What an item token says, or undefined when it does not read as a value. */
function itemText(token: Token | undefined, style: ListStyle): string | undefined {
  if (token === undefined) return undefined;
  if (token.kind === "quoted") {
    // `<branch name>`, `{id}` and sentences in quotes are placeholders or prose.
    const text = token.text;
    if (text.trim() !== text || /[<>{}]/.test(text) || text.split(" ").length > 3) return undefined;
    return text;
  }
  if (style.quotedOnly) return undefined;
  if (token.kind === "number") return token.text;
  if (token.kind === "word") return NOT_VALUES.has(token.lower) ? undefined : token.text;
  // A marker is never a value; refusing it also keeps `可选、可选、…` from being re-read.
  if (token.kind === "cjk" && style.cjkItems && !cjkEndsWith(token, CJK_ENUM_MARKERS))
    return token.text;
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
function describesLinks(tokens: Token[]): boolean {
  return tokens.some(
    (t) =>
      isWord(t, "url", "urls", "uri", "uris", "link", "links") ||
      (t.kind === "cjk" && /链接|网址/.test(t.text)),
  );
}

// ---------------------------------------------------------------------------------------
// Defaults

function isDefaultWord(token: Token | undefined): boolean {
  return (
    isWord(token, "default", "defaults") || (token?.kind === "cjk" && token.text.startsWith("默认"))
  );
}

/**
 * `Default: 28`, `defaults to 30`, `default 1.0`, `the default value is jpeg`,
 * `the default aspect ratio is "16:9"`, `默认值：png`, `默认 1024`. A bare word only counts when
 * the sentence ends right after it ("Default: the repository's branch" is prose), or when it
 * is one of the values the prose lists.
 */
function findDefault(tokens: Token[], values: string[] | undefined): string | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (isWord(token, "default", "defaults")) {
      const found = englishDefault(tokens, i + 1, values);
      if (found !== undefined) return found;
    } else if (token.kind === "cjk") {
      const found = chineseDefault(tokens, i, values);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function englishDefault(
  tokens: Token[],
  at: number,
  values: string[] | undefined,
): string | undefined {
  let i = at;
  if (isWord(tokens[i], "value")) i++;
  if (isWord(tokens[i], "is", "to") || isPunct(tokens[i], ":", "：", "=")) {
    return valueAt(tokens, i + 1, { words: true, values });
  }
  const bare = valueAt(tokens, i, { words: false, values });
  if (bare !== undefined) return bare;
  // "the default aspect ratio is 16:9": up to three plain words, then "is", then a literal.
  for (let j = i; j < i + 3 && tokens[j]?.kind === "word"; j++) {
    if (isWord(tokens[j + 1], "is")) return valueAt(tokens, j + 2, { words: false, values });
  }
  return undefined;
}

function chineseDefault(
  tokens: Token[],
  at: number,
  values: string[] | undefined,
): string | undefined {
  const run = tokens[at]!.text;
  const marker = /默认值?(?:为|是)?$/.exec(run);
  if (!marker) return undefined;
  const connected = /[为是]$/.test(run) || isPunct(tokens[at + 1], ":", "：", "=");
  const start = isPunct(tokens[at + 1], ":", "：", "=") ? at + 2 : at + 1;
  return valueAt(tokens, start, { words: connected, values });
}

/**
 * A literal at `at`: a quoted string, a number, `true`/`false`; a bare word only when
 * `words` allows and the sentence ends after it, or when it is a listed value.
 */
function valueAt(
  tokens: Token[],
  at: number,
  options: { words: boolean; values: string[] | undefined },
): string | undefined {
  const token = tokens[at];
  if (token === undefined) return undefined;
  if (token.kind === "quoted") return itemText(token, { cjkItems: false, joiners: [] });
  if (token.kind === "number") return token.text;
  if (token.kind !== "word" || NOT_VALUES.has(token.lower) || isDefaultWord(token))
    return undefined;
  if (token.lower === "true" || token.lower === "false") return token.lower;
  if (options.values?.includes(token.text)) return token.text;
  // `16:9`, `1024x768`, `v2`: a word with a digit reads as a literal even without a colon.
  const literal = options.words || /\d/.test(token.text);
  const next = tokens[at + 1];
  return literal && (endsSentence(next) || isPunct(next, ",", "，")) ? token.text : undefined;
}
