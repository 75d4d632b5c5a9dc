/**
 * Reads constraints that API exports state only in prose ("range: 1-4", "enumerated values:
 * a, b", "默认值：jpeg"). Pure text in, raw strings out: coercion to the property's type and
 * deciding what is safe to apply happen in `infer-constraints.ts`.
 */

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
  const found: ProseConstraints = {};
  const range = findRange(text);
  if (range) found.range = range;
  const values = findEnum(text);
  if (values) found.enum = values;
  const fallback = findDefault(text);
  if (fallback !== undefined) found.default = fallback;
  return found;
}

const NUM = String.raw`[-+]?\d+(?:\.\d+)?`;
const SPAN_SEPARATOR = String.raw`\s*(?:-|–|—|~|～|to|至|到|and|,|，)\s*`;
const RANGE_MARKER = String.raw`(?:value\s+range|range(?:\s+values?)?|取值范围|范围|between|from)`;
const LENGTH_WORDS = /\b(length|characters?|chars?)\b|长度|字符|字数/i;

/** `Range value: 1-20`, `range 1 to 4`, `between 1 and 20`, `取值范围：[1, 20]`, bare `1~4`. */
const MARKED_SPAN = new RegExp(
  String.raw`${RANGE_MARKER}\s*(?:is|of)?\s*[:：]?\s*[[(（]?\s*(${NUM})${SPAN_SEPARATOR}(${NUM})`,
  "i",
);
const TILDE_SPAN = new RegExp(String.raw`(${NUM})\s*[~～]\s*(${NUM})`);
/** `1 to 4000 characters`: a span needs no marker when a length unit follows it. */
const LENGTH_SPAN = new RegExp(
  String.raw`(${NUM})${SPAN_SEPARATOR}(${NUM})\s*(?:characters?|chars?|个?字符|字)`,
  "i",
);
const MINIMUM = new RegExp(
  String.raw`(?:\bmin(?:imum)?(?:\s+value)?|\bat\s+least|>=|≥|最小值?|不小于|不低于)\s*(?:is|of)?\s*[:：=]?\s*(${NUM})`,
  "i",
);
const MAXIMUM = new RegExp(
  String.raw`(?:\bmax(?:imum)?(?:\s+value)?|\bat\s+most|\bup\s+to|<=|≤|最大值?|不超过|不大于|不高于)\s*(?:is|of)?\s*[:：=]?\s*(${NUM})`,
  "i",
);

function findRange(text: string): ProseRange | undefined {
  const ofLength = LENGTH_WORDS.test(text);
  const span = MARKED_SPAN.exec(text) ?? TILDE_SPAN.exec(text) ?? LENGTH_SPAN.exec(text);
  const min = MINIMUM.exec(text)?.[1];
  const max = MAXIMUM.exec(text)?.[1];
  if (span?.[1] !== undefined && span[2] !== undefined) {
    // "range 1-4, max 2": the prose disagrees with itself, so neither bound can be trusted.
    const contested =
      (min !== undefined && Number(min) !== Number(span[1])) ||
      (max !== undefined && Number(max) !== Number(span[2]));
    return contested
      ? { min: span[1], max: span[2], ofLength, contested: true }
      : { min: span[1], max: span[2], ofLength };
  }
  if (min === undefined && max === undefined) return undefined;
  const range: ProseRange = { ofLength };
  if (min !== undefined) range.min = min;
  if (max !== undefined) range.max = max;
  return range;
}

const ENUM_MARKER = new RegExp(
  String.raw`(?:\benumerated\s+values?\b|\benum(?:eration)?s?\b|\b(?:optional|possible|allowed|valid|supported|available|accepted|permitted)\s+values?\b|\bone\s+of\b|\boptions?\b|\bchoices?\b|可选值|可选项|可选|枚举值?|取值(?!范围))\s*(?:are|is|include|includes)?\s*[:：]?\s*`,
  "i",
);
const QUOTED = String.raw`(?:"[^"]+"|'[^']+'|“[^”]+”|‘[^’]+’|\x60[^\x60]+\x60)`;
// Not "/": it is part of too many values (model ids, MIME types) to separate them.
const LIST_JOINER = String.raw`\s*(?:,|，|、|\||\bor\b|\band\b|或)\s*`;
const QUOTED_LIST = new RegExp(`${QUOTED}(?:${LIST_JOINER}${QUOTED})+`);
const PIPE_LIST = /(?<![\w.:-])[\w.:-]+(?:\s*\|\s*[\w.:-]+)+(?![\w.:-])/;
const IDEOGRAPHIC_LIST = /[^\s、，,：:；;。]+(?:、[^\s、，,：:；;。]+)+/;
/** Where a listed sentence ends: `;`, a full stop that is not a decimal point, or a line break. */
const SENTENCE_END = /[;；。\n]|\.(?=\s|$)|\)(?=\s|$|[.,;])/;

function findEnum(text: string): string[] | undefined {
  const marker = ENUM_MARKER.exec(text);
  if (marker) {
    const rest = text.slice(marker.index + marker[0].length);
    const sentence = rest.split(SENTENCE_END, 1)[0] ?? "";
    const values = splitList(sentence);
    if (values) return values;
  }
  for (const pattern of [QUOTED_LIST, PIPE_LIST, IDEOGRAPHIC_LIST]) {
    const match = pattern.exec(text);
    const values = match ? splitList(match[0]) : undefined;
    if (values) return values;
  }
  return undefined;
}

/** Splits `a, b or c` into its items; undefined unless it really reads as a list of tokens. */
function splitList(list: string): string[] | undefined {
  const items = list
    .split(new RegExp(LIST_JOINER))
    .map((item) => unquote(item.trim().replace(/\s*(?:etc\.?|…|\.\.\.)$/i, "")))
    .filter((item) => item !== "");
  if (items.length < 2) return undefined;
  // Prose that happens to contain commas ("fast, cheap and good results") is not a list.
  if (items.some((item) => item.split(/\s+/).length > 2)) return undefined;
  return [...new Set(items)];
}

function unquote(item: string): string {
  const quoted = /^(?:"(.*)"|'(.*)'|“(.*)”|‘(.*)’|`(.*)`)$/.exec(item);
  return quoted ? (quoted.slice(1).find((group) => group !== undefined) ?? item) : item;
}

const DEFAULT_VALUE = new RegExp(
  String.raw`(?:\bdefaults?\s+(?:value\s+)?(?:is|to|=)|\bdefault(?:\s+value)?\s*[:=]|默认值?\s*(?:为|是|[:：=]))\s*(${QUOTED}|[^\s,;，；。)）]+)`,
  "i",
);
/** `(default 1.0)`: without a colon only a literal-looking value counts, not "default model". */
const BARE_DEFAULT = new RegExp(
  String.raw`\bdefault\s+(${NUM}|true|false|${QUOTED})(?![\w.])`,
  "i",
);

function findDefault(text: string): string | undefined {
  const raw = DEFAULT_VALUE.exec(text)?.[1] ?? BARE_DEFAULT.exec(text)?.[1];
  if (raw === undefined) return undefined;
  return unquote(raw.replace(/\.$/, ""));
}
