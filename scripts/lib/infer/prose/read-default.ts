/** Defaults in prose: `Default: 28`, `defaults to 30`, `(default 1.0)`, `默认值：png`. */
import { endsSentence, isDefaultWord, isPunct, isWord, isWordIn } from "./match.js";
import { NOT_VALUES, itemText } from "./read-list.js";
import type { Token } from "./tokens.js";

/**
 * `Default: 28`, `defaults to 30`, `default 1.0`, `the default value is jpeg`,
 * `the default aspect ratio is "16:9"`, `默认值：png`, `默认 1024`. A bare word only counts when
 * the sentence ends right after it ("Default: the repository's branch" is prose), or when it
 * is one of the values the prose lists.
 */
export function findDefault(tokens: Token[], values: string[] | undefined): string | undefined {
  return markedDefault(tokens, values) ?? legendDefault(tokens);
}

/**
 * `true表示开启，false表示关闭（默认值）`, `auto (default)`: the value a legend marks as the
 * default. The legend must stand between value and mark: in `mj(默认)或niji` the mark names a
 * shorthand, not necessarily a value the API takes.
 */
function legendDefault(tokens: Token[]): string | undefined {
  for (let i = 2; i + 2 < tokens.length; i++) {
    if (tokens[i]!.example || !isPunct(tokens[i], "(", "（") || !isPunct(tokens[i + 2], ")", "）"))
      continue;
    const mark = tokens[i + 1]!;
    if (!(isWord(mark, "default") || (mark.kind === "cjk" && /^默认值?$/.test(mark.text))))
      continue;
    const legend = tokens[i - 1]!;
    const value = tokens[i - 2]!;
    if (legend.kind !== "cjk" || (value.kind !== "word" && value.kind !== "number")) continue;
    if (value.lower === "true" || value.lower === "false") return value.lower;
    return /\d/.test(value.text) ? value.text : undefined;
  }
  return undefined;
}

function markedDefault(tokens: Token[], values: string[] | undefined): string | undefined {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.example) continue;
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
  // "By default it's X", "by default it is X".
  if (
    isWord(tokens[i], "it") &&
    isPunct(tokens[i + 1], "'", "\u2019") &&
    isWord(tokens[i + 2], "s")
  )
    return valueAt(tokens, i + 3, { words: true, values });
  if (isWord(tokens[i], "it") && isWord(tokens[i + 1], "is"))
    return valueAt(tokens, i + 2, { words: true, values });
  const bare = valueAt(tokens, i, { words: false, values });
  if (bare !== undefined) return bare;
  // "the default aspect ratio is 16:9": up to three plain words, "is", and a literal that
  // ends the sentence ("the default value for this is 3 seconds" may be in another unit).
  for (let j = i; j < i + 3 && tokens[j]?.kind === "word"; j++) {
    if (isWord(tokens[j + 1], "is"))
      return valueAt(tokens, j + 2, { words: false, values, terminal: true });
  }
  return quotedAfterIs(tokens, i, values);
}

/** Words and brackets a long default clause may run over before its "is". */
const LONG_CLAUSE = 12;

/**
 * "The default value for the generated video duration (in seconds) is "8s".": a longer
 * clause, but only a quoted literal that ends the sentence is taken from it.
 */
function quotedAfterIs(
  tokens: Token[],
  at: number,
  values: string[] | undefined,
): string | undefined {
  for (let j = at; j < at + LONG_CLAUSE; j++) {
    const token = tokens[j];
    if (token === undefined || (endsSentence(token) && !isPunct(token, ")", "）")))
      return undefined;
    if (isWord(token, "is") && tokens[j + 1]?.kind === "quoted")
      return valueAt(tokens, j + 1, { words: false, values, terminal: true });
  }
  return undefined;
}

function chineseDefault(
  tokens: Token[],
  at: number,
  values: string[] | undefined,
): string | undefined {
  const run = tokens[at]!.text;
  const marker = /默认(?:取)?值?(?:为|是)?$/.exec(run);
  if (!marker) return undefined;
  const connected = /[为是]$/.test(run) || isPunct(tokens[at + 1], ":", "：", "=");
  const start = isPunct(tokens[at + 1], ":", "：", "=") ? at + 2 : at + 1;
  // `默认值【0】`: a literal in brackets is the value whatever follows.
  const bracketed = tokens[start + 1];
  if (isPunct(tokens[start], "【", "[") && isPunct(tokens[start + 2], "】", "]") && bracketed)
    return literalLike(bracketed)
      ? valueAt(tokens, start + 1, { words: false, values, inBrackets: true })
      : undefined;
  return valueAt(tokens, start, { words: connected, values });
}

/**
 * A literal at `at`: a quoted string, a number, `true`/`false`; a bare word only when
 * `words` allows and the sentence ends after it, or when it is a listed value.
 */
function valueAt(
  tokens: Token[],
  at: number,
  options: {
    words: boolean;
    values: string[] | undefined;
    terminal?: boolean;
    inBrackets?: boolean;
  },
): string | undefined {
  const token = tokens[at];
  if (token === undefined) return undefined;
  const next = tokens[at + 1];
  const last =
    options.inBrackets === true ||
    endsSentence(next) ||
    isPunct(next, ",", "，") ||
    (literalLike(token) && opensClause(next));
  if (options.terminal && !last) return undefined;
  if (conditional(tokens, at + 1)) return undefined;
  if (token.kind === "quoted") {
    // 默认“延展”: a name in Chinese for the value, not the value the API takes.
    if (!/[A-Za-z0-9]/.test(token.text)) return undefined;
    return itemText(token, { cjkItems: false, joiners: [] });
  }
  if (token.kind === "number") return token.text;
  if (
    token.kind !== "word" ||
    NOT_VALUES.has(token.lower) ||
    RELATIVE_WORDS.has(token.lower) ||
    isDefaultWord(token)
  )
    return undefined;
  if (token.lower === "true" || token.lower === "false") return token.lower;
  if (options.values?.includes(token.text)) return token.text;
  // `16:9`, `1024x768`, `v2`: a word with a digit reads as a literal even without a colon,
  // and so does one that closes a parenthesis: `(可选,默认 square_hd)`.
  const literal = options.words || /\d/.test(token.text) || isPunct(next, ")", "）");
  return literal && last ? token.text : undefined;
}

/** A literal that cannot be prose: quoted, a number, or a word with a digit or underscore. */
function literalLike(token: Token): boolean {
  return (
    token.kind === "quoted" ||
    token.kind === "number" ||
    (token.kind === "word" && /[\d_]/.test(token.text))
  );
}

/**
 * Where another statement starts with no punctuation before it: `默认值：landscape_4_3 范围（…）`,
 * `Default: landscape_4_3 Range (…)`.
 */
function opensClause(token: Token | undefined): boolean {
  return (
    token?.kind === "cjk" ||
    isWord(token, "range", "supported", "options", "enumerated", "allowed", "values")
  );
}

/** Words that describe a value rather than name it: "Default: yesterday" is no literal. */
const RELATIVE_WORDS = new Set([
  "yesterday",
  "today",
  "tomorrow",
  "now",
  "unlimited",
  "unbounded",
  "infinite",
  "infinity",
  "empty",
  "null",
  "nil",
]);

/** Words after "if"/"when" that keep a default unconditional: "if not provided", "when omitted". */
const ABSENCE = [
  "not",
  "omitted",
  "unset",
  "empty",
  "missing",
  "absent",
  "none",
  "nothing",
  "left",
];

/**
 * "Defaults to `doadmin` when `cluster_name` is set": a default that holds only under a
 * condition on something else is not the field's default.
 */
function conditional(tokens: Token[], at: number): boolean {
  if (!isWord(tokens[at], "when", "if", "for", "with")) return false;
  const next = tokens[at + 1];
  return !isWordIn(next, ABSENCE) && !(isWord(next, "it", "this") && isWord(tokens[at + 2], "is"));
}
