/**
 * Ranges in prose: `range: 1-20`, `between 1 and 20`, `(1-4)`, `1~47`, `1 to 4000 characters`,
 * `minimum 3`, `at most 8`, `取值范围：[1, 20]`, `最大值 10`.
 */
import { cjkEndsWith, isPunct, isWord, skipFiller } from "./match.js";
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
const LENGTH_WORDS = ["length", "character", "characters", "char", "chars"];

export function findRange(tokens: Token[]): ProseRange | undefined {
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
    : isPunct(separator, ...SPAN_SEPARATORS) ||
      isWord(separator, "to", "and") ||
      (separator?.kind === "cjk" && (separator.text === "至" || separator.text === "到"));
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
    if (isPunct(tokens[at], ...OPEN_BRACKETS)) at++;
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
  if (cjkEndsWith(token, ["范围"])) return at + 1;
  return undefined;
}

/** An interval in brackets, no marker needed: `(1-4)`, `[0.0, 1.0]`. */
function bracketSpan(tokens: Token[]): Omit<Span, "end"> | undefined {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.example) continue;
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

type Marker = (tokens: Token[], at: number) => number | undefined;

const minimumMarker: Marker = (tokens, at) =>
  boundMarker(
    tokens,
    at,
    ["min", "minimum"],
    ["least"],
    [">=", "≥"],
    ["最小长度", "最小值", "最小", "不小于", "不低于"],
  );
const maximumMarker: Marker = (tokens, at) =>
  boundMarker(
    tokens,
    at,
    ["max", "maximum"],
    ["most"],
    ["<=", "≤"],
    ["最大长度", "最大值", "最大", "不超过", "不大于", "不高于"],
  ) ??
  (isWord(tokens[at], "up") && isWord(tokens[at + 1], "to") ? at + 2 : undefined) ??
  (isWord(tokens[at], "limit") && isWord(tokens[at + 1], "of") ? at + 2 : undefined);

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
  // `maximum value`, `maximum length` (a length: the caller knows from the words around).
  if (isWord(token, ...words)) return isWord(tokens[at + 1], "value", "length") ? at + 2 : at + 1;
  if (isWord(token, "at") && isWord(tokens[at + 1], ...afterAt)) return at + 2;
  if (isPunct(token, ...symbols)) return at + 1;
  if (cjkEndsWith(token, cjk)) return at + 1;
  return undefined;
}

function firstBound(tokens: Token[], marker: Marker): string | undefined {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.example) continue;
    const after = marker(tokens, i);
    if (after === undefined) continue;
    const at = skipFiller(tokens, after, ["is", "of"], [":", "：", "="]);
    if (tokens[at]?.kind === "number") return tokens[at]!.text;
  }
  return undefined;
}
