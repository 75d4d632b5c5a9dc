/**
 * One difference between two contracts, classified by a rule. Rule ids and levels follow
 * oasdiff (ERR -> breaking, WARN -> warning, INFO -> info) wherever oasdiff has the rule;
 * the rules marked `ours` cover what oasdiff does not (see RULES below and the README).
 */
import type { Rule } from "./rule.js";
import { DOCUMENT_RULES, OPERATION_RULES } from "./rules-operations.js";
import { PARAMETER_RULES } from "./rules-parameters.js";
import { PROPERTY_RULES, RESPONSE_NARROWING_RULES, SCHEMA_RULES } from "./rules-schemas.js";

export type Level = "breaking" | "warning" | "info";

export interface Change {
  id: string;
  level: Level;
  /** `POST`, or "" for document-wide changes (servers, security schemes). */
  method: string;
  path: string;
  message: string;
  /** "spec", or "inferred from description" when either side's constraint came from prose. */
  source: string;
  /** Where in the normalized contract, e.g. `num_images` or `images[].url`. */
  location?: string;
  before?: unknown;
  after?: unknown;
  /** JSON pointers into each side's normalized contract. */
  pointers?: { base?: string; head?: string };
  /** Where a reviewer reads it: `file:line` in each side's source, and a link when known. */
  where?: { base?: SourceLine; head?: SourceLine };
  /**
   * For a change inside a component several operations share: the component (e.g.
   * `#/components/schemas/Image`); the change is then listed once, with `operations`.
   */
  component?: string;
  /** The operations a shared component's change reaches (`POST /path`, with the status). */
  operations?: string[];
  /** Every location one operation reaches the same component change at, when more than one. */
  locations?: string[];
}

export interface SourceLine {
  file: string;
  line: number;
  url?: string;
}

/** Where comparators report: the operation being compared (empty for document-wide) and the list. */
export interface ChangeSink {
  method: string;
  path: string;
  changes: Change[];
  /** Where in the operation, for shared components: `response 200`, `request body`. */
  part?: string;
}

export const LEVEL_ORDER: Record<Level, number> = { breaking: 0, warning: 1, info: 2 };

/**
 * Every rule this tool can emit, by area (`rules-*.ts`); an area spread later overrides an
 * earlier one's level. Tests assert each id against its level here.
 */
export const RULES: Record<string, Rule> = {
  ...OPERATION_RULES,
  ...PROPERTY_RULES,
  ...SCHEMA_RULES,
  ...PARAMETER_RULES,
  ...RESPONSE_NARROWING_RULES,
  ...DOCUMENT_RULES,
};

export function levelOf(id: string): Level {
  const rule = RULES[id];
  if (!rule) throw new Error(`no rule "${id}"`);
  return rule.level;
}

/** Breaking first, then by path and method, then as found. */
export function sortChanges(changes: Change[]): Change[] {
  return changes
    .map((change, index) => ({ change, index }))
    .sort(
      (a, b) =>
        LEVEL_ORDER[a.change.level] - LEVEL_ORDER[b.change.level] ||
        a.change.path.localeCompare(b.change.path) ||
        a.change.method.localeCompare(b.change.method) ||
        a.index - b.index,
    )
    .map(({ change }) => change);
}
