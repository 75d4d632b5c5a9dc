/** Defaults in prose: `Default: 28`, `defaults to 30`, `(default 1.0)`, `默认值：png`. */
import { endsSentence, isDefaultWord, isPunct, isWord } from "./match.js";
import { NOT_VALUES, itemText } from "./read-list.js";
import type { Token } from "./tokens.js";

/**
 * `Default: 28`, `defaults to 30`, `default 1.0`, `the default value is jpeg`,
 * `the default aspect ratio is "16:9"`, `默认值：png`, `默认 1024`. A bare word only counts when
 * the sentence ends right after it ("Default: the repository's branch" is prose), or when it
 * is one of the values the prose lists.
 */
export function findDefault(tokens: Token[], values: string[] | undefined): string | undefined {
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
  const bare = valueAt(tokens, i, { words: false, values });
  if (bare !== undefined) return bare;
  // "the default aspect ratio is 16:9": up to three plain words, "is", and a literal that
  // ends the sentence ("the default value for this is 3 seconds" may be in another unit).
  for (let j = i; j < i + 3 && tokens[j]?.kind === "word"; j++) {
    if (isWord(tokens[j + 1], "is"))
      return valueAt(tokens, j + 2, { words: false, values, terminal: true });
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
  return valueAt(tokens, start, { words: connected, values });
}

/**
 * A literal at `at`: a quoted string, a number, `true`/`false`; a bare word only when
 * `words` allows and the sentence ends after it, or when it is a listed value.
 */
function valueAt(
  tokens: Token[],
  at: number,
  options: { words: boolean; values: string[] | undefined; terminal?: boolean },
): string | undefined {
  const token = tokens[at];
  if (token === undefined) return undefined;
  const next = tokens[at + 1];
  const last = endsSentence(next) || isPunct(next, ",", "，");
  if (options.terminal && !last) return undefined;
  if (conditional(tokens, at + 1)) return undefined;
  if (token.kind === "quoted") return itemText(token, { cjkItems: false, joiners: [] });
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
  return !isWord(next, ...ABSENCE) && !(isWord(next, "it", "this") && isWord(tokens[at + 2], "is"));
}
