/**
 * Reads constraints that API exports state only in prose ("range: 1-4", "enumerated values:
 * a, b", "默认值：jpeg"). Rules over the tokens of `prose/tokens.ts`, each a single pass with
 * a bounded look-ahead, so reading is linear in the text's length. Pure text in, raw strings
 * out: coercion to the property's type and deciding what is safe to apply happen in
 * `infer-constraints.ts`. When in doubt a rule reads nothing: a missed constraint costs a
 * user less than an invented one that rejects a valid call.
 */
import { hedged, markExamples } from "./prose/match.js";
import { findDefault } from "./prose/read-default.js";
import { describesLinks, findEnum } from "./prose/read-enum.js";
import { findRange, type ProseRange } from "./prose/read-range.js";
import { tokenize } from "./prose/tokens.js";

export type { ProseRange };

export interface ProseConstraints {
  enum?: string[];
  range?: ProseRange;
  default?: string;
}

export function parseProse(text: string): ProseConstraints {
  const tokens = tokenize(text);
  if (hedged(tokens)) return {};
  markExamples(tokens);
  const found: ProseConstraints = {};
  const range = findRange(tokens);
  if (range) found.range = range;
  const values = describesLinks(tokens) ? undefined : findEnum(tokens);
  if (values) found.enum = values;
  const fallback = findDefault(tokens, values);
  if (fallback !== undefined) found.default = fallback;
  return found;
}
