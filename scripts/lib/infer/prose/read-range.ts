/**
 * Ranges in prose: `range: 1-20`, `between 1 and 20`, `(1-4)`, `1~47`, `1 to 4000 characters`,
 * `minimum 3`, `at most 8`, `取值范围：[1, 20]`, `最大值 10`.
 */
import {
  cjkEndsWith,
  endsSentence,
  isPunct,
  isPunctIn,
  isWord,
  isWordIn,
  skipFiller,
} from "./match.js";
import { CONTESTED, LENGTH_WORDS, maximumMarker, minimumMarker, oneBound } from "./read-bounds.js";
import type { Token } from "./tokens.js";

/** Bounds as written; the caller coerces them to the property's type. */
export interface ProseRange {
  min?: string;
  max?: string;
  /** Whether the prose speaks of a length ("1-100 characters") rather than a value. */
  ofLength: boolean;
  /** The prose states bounds that disagree ("range 1-4, max 2"): nothing is applied. */
  contested?: boolean;
}

const SPAN_SEPARATORS = ["-", "–", "—", "~", "～", ",", "，"];
const OPEN_BRACKETS = ["[", "(", "（"];
const CLOSE_BRACKETS = ["]", ")", "）"];

export function findRange(tokens: Token[]): ProseRange | undefined {
  // Only what is stated of the field counts: "每个分镜的最大长度" is about each item.
  const ofLength = tokens.some(
    (t) =>
      !t.example &&
      (isWordIn(t, LENGTH_WORDS) || (t.kind === "cjk" && /长度|字符|字数/.test(t.text))),
  );
  const span =
    markedSpan(tokens) ??
    betweenSpan(tokens) ??
    bracketSpan(tokens) ??
    tildeSpan(tokens) ??
    lengthSpan(tokens) ??
    labelledSpan(tokens);
  const min = oneBound(tokens, minimumMarker, ofLength);
  const max = oneBound(tokens, maximumMarker, ofLength);
  if (min === CONTESTED || max === CONTESTED)
    return span ? { ...span, ofLength, contested: true } : { ofLength, contested: true };
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

/**
 * `a - b`, `a to b`, `a and b`, `a 至 b` starting at `at`. `dashesOnly` where a comma or "and"
 * would rather join a list ("Valid values are 1, 2").
 */
function spanAt(tokens: Token[], at: number, dashesOnly = false): Span | undefined {
  const low = tokens[at];
  const separator = tokens[at + 1];
  const high = tokens[at + 2];
  if (low?.kind !== "number" || high?.kind !== "number") return undefined;
  const separates = dashesOnly
    ? isPunct(separator, "-", "–", "—", "~", "～") || isWord(separator, "to")
    : isPunctIn(separator, SPAN_SEPARATORS) ||
      isWord(separator, "to", "and") ||
      (separator?.kind === "cjk" && ["至", "到", "和", "与"].includes(separator.text));
  return separates ? { min: low.text, max: high.text, end: at + 3 } : undefined;
}

/** After a marker (`range`, `value range`, `between`, `from`, `取值范围`): `1-20`, `[1, 20]`. */
function markedSpan(tokens: Token[]): Omit<Span, "end"> | undefined {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.example) continue;
    // "either 0 or between 5000 and 10800000": one alternative is not the field's range.
    if (isWord(tokens[i - 1], "or", "either")) continue;
    const qualified = qualifiedValuesEnd(tokens, i);
    const after = qualified ?? rangeMarkerEnd(tokens, i);
    if (after === undefined) continue;
    let at = skipFiller(tokens, after, ["is", "are", "of"]);
    // `取值范围：字符长度1-64位`: the unit stands between the marker and the span.
    if (tokens[at]?.kind === "cjk" && /^(?:字符)?长度(?:为|是)?$/.test(tokens[at]!.text)) at++;
    if (isPunctIn(tokens[at], OPEN_BRACKETS)) at++;
    const span = spanAt(tokens, at, qualified !== undefined);
    if (span) return { min: span.min, max: span.max };
  }
  return undefined;
}

/** `valid values are 1-3`: the index after `<qualifier> values`, if that starts at `at`. */
function qualifiedValuesEnd(tokens: Token[], at: number): number | undefined {
  return isWord(tokens[at], "valid", "allowed", "accepted", "permitted", "possible") &&
    isWord(tokens[at + 1], "value", "values")
    ? at + 2
    : undefined;
}

/** The index after a range marker starting at `at`, if one does. */
export function rangeMarkerEnd(tokens: Token[], at: number): number | undefined {
  const token = tokens[at];
  if (isWord(token, "range")) return isWord(tokens[at + 1], "value", "values") ? at + 2 : at + 1;
  if (isWord(token, "between", "from")) return at + 1;
  // 范围, 取值范围, 范围值 (the vendor's own word), 有效范围, 取值1-4, 必须介于 1 和 10 之间.
  if (cjkEndsWith(token, ["范围", "范围值", "取值", "介于"])) return at + 1;
  return undefined;
}

/**
 * `-2.0 和 2.0 之间的数字`, `选择0.25到4.0之间的值`: two numbers joined by 和/到/至/与 and followed
 * by 之间 ("between") need no marker before them.
 */
function betweenSpan(tokens: Token[]): Omit<Span, "end"> | undefined {
  for (let i = 0; i + 3 < tokens.length; i++) {
    if (tokens[i]!.example || tokens[i]!.kind !== "number") continue;
    const span = spanAt(tokens, i);
    const after = span && tokens[span.end];
    if (span && after?.kind === "cjk" && after.text.startsWith("之间"))
      return { min: span.min, max: span.max };
  }
  return undefined;
}

/**
 * `生成图片数量：1-6`: a span that is all a label's colon introduces, up to the end of the
 * sentence. Only dashes join it: `Sizes: 1, 2` is a list.
 */
function labelledSpan(tokens: Token[]): Omit<Span, "end"> | undefined {
  for (let i = 1; i + 3 < tokens.length; i++) {
    if (tokens[i]!.example || !isPunct(tokens[i], ":", "：")) continue;
    if (tokens[i - 1]!.kind !== "cjk" && tokens[i - 1]!.kind !== "word") continue;
    const span = spanAt(tokens, i + 1, true);
    if (span && endsSentence(tokens[span.end])) return { min: span.min, max: span.max };
  }
  return undefined;
}

/** An interval in brackets, no marker needed: `(1-4)`, `[0.0, 1.0]`. */
function bracketSpan(tokens: Token[]): Omit<Span, "end"> | undefined {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.example) continue;
    if (!isPunctIn(tokens[i], OPEN_BRACKETS)) continue;
    const span = spanAt(tokens, i + 1);
    if (span && isPunctIn(tokens[span.end], CLOSE_BRACKETS))
      return { min: span.min, max: span.max };
  }
  return undefined;
}

/** `1~47`: a tilde between two numbers is a range wherever it stands. */
function tildeSpan(tokens: Token[]): Omit<Span, "end"> | undefined {
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i]!.example) continue;
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
    if (tokens[i]!.example) continue;
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
