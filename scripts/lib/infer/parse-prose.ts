/**
 * Reads constraints that API exports state only in prose ("range: 1-4", "enumerated values:
 * a, b", "默认值：jpeg"). Rules over the tokens of `prose/tokens.ts`, each a single pass with
 * a bounded look-ahead, so reading is linear in the text's length. Pure text in, raw strings
 * out: coercion to the property's type and deciding what is safe to apply happen in
 * `infer-constraints.ts`. When in doubt a rule reads nothing: a missed constraint costs a
 * user less than an invented one that rejects a valid call.
 */
import { hedged, markExamples } from "./prose/match.js";
import { findMultipleOf } from "./prose/read-multiple-of.js";
import { statedExample } from "./prose/stated-example.js";
import { findDefault } from "./prose/read-default.js";
import { describesLinks, findEnum } from "./prose/read-enum.js";
import { findRange, type ProseRange } from "./prose/read-range.js";
import { tokenize } from "./prose/tokens.js";

export type { ProseRange };

export interface ProseConstraints {
  enum?: string[];
  range?: ProseRange;
  default?: string;
  /** `multiple of 64`, `64的倍数`: the step a number must be a multiple of, as written. */
  multipleOf?: string;
}

export function parseProse(text: string): ProseConstraints {
  const tokens = tokenize(text);
  if (hedged(tokens)) return {};
  const example = statedExample(tokens);
  markExamples(tokens);
  const found: ProseConstraints = {};
  const range = findRange(tokens);
  if (range) found.range = range;
  const listed = findEnum(tokens);
  // A field that holds a link lists what it may point at (file types), not its values; values
  // listed one per line with their meaning are explicit enough to stand anyway.
  let values = listed && (listed.legends || !describesLinks(tokens)) ? listed.values : undefined;
  // The description's own example ("Example value: GV") is a value the list must admit.
  if (values && example !== undefined && !values.includes(example)) values = undefined;
  const fallback = findDefault(tokens, values);
  // "默认值：landscape_4_3 范围（3：4、4：3…）": a list that leaves out its own default is not the
  // field's values (the default stands: it is stated on its own).
  if (values && fallback !== undefined && !listsValue(values, fallback)) values = undefined;
  if (values) found.enum = values;
  if (fallback !== undefined) found.default = fallback;
  const step = findMultipleOf(tokens);
  if (step !== undefined) found.multipleOf = step;
  return found;
}

function listsValue(values: string[], value: string): boolean {
  const number = Number(value);
  return values.some(
    (v) => v === value || (value.trim() !== "" && !Number.isNaN(number) && Number(v) === number),
  );
}
