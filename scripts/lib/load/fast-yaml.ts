import { load, Schema } from "js-yaml";
import { corePlainScalarType } from "./core-scalars.js";
import { countAliasLike, isDifferentByDesign } from "./fast-yaml-guards.js";
import { indexNodes } from "./index-js-yaml-nodes.js";
import { MAX_ALIAS_COUNT } from "./input-bounds.js";
import { NotForFastPath, recordNodes, type NodeRecord } from "./js-yaml-nodes.js";

/**
 * The fast path for YAML: js-yaml reads a big spec 5-15x faster than the `yaml` library (which
 * keeps every node, comment and offset for its editing API). It is taken only where both read
 * the text to the same value without a word; anything else is left to the `yaml` library,
 * which stays the reader that repairs, reports and locates (parse-yaml.ts). What is left:
 * - any tag, and aliases unless each is a plain copy (no anchored node holds an alias, fewer
 *   than the `yaml` library's bound): that bound is what stops a "billion laughs" bomb, and
 *   tags are where the two differ most (js-yaml would build `!!binary` as bytes);
 * - a key that is null, a collection, explicit (`? key`), anchored or very long
 *   (index-js-yaml-nodes.ts);
 * - whatever js-yaml warns about (a flow collection indented less than its parent: an error
 *   for the `yaml` library) or rejects (duplicate keys, bad syntax, nesting past 100);
 * - texts the two read differently by design (fast-yaml-guards.ts), and a document that is
 *   not a collection.
 */

/** A text js-yaml read as the `yaml` library would, with the nodes that locate its lines. */
export interface FastYaml {
  value: unknown;
  text: string;
  root: NodeRecord;
}

/** Plain scalars typed by the YAML 1.2 core schema as the `yaml` library types them. */
const SCHEMA = new Schema({ implicit: [corePlainScalarType] });

/**
 * repairYaml asks first whether a text reads the fast way, and parseYaml then wants its value:
 * the last answer is kept (one entry) and handed on once, as last-parse.ts does for the `yaml`
 * library's parse.
 */
let last: { text: string; parsed: FastYaml | undefined } | undefined;

/**
 * The text's value when js-yaml reads it exactly as the `yaml` library would; undefined to
 * leave it to the `yaml` library. `keep` keeps the answer for the next call on the same text.
 */
export function parseYamlFast(text: string, keep: boolean): FastYaml | undefined {
  const kept = last;
  last = undefined;
  const parsed = kept !== undefined && kept.text === text ? kept.parsed : parseYamlFastFresh(text);
  if (keep) last = { text, parsed };
  return parsed;
}

/** JSON pointer -> line: the very index parse-yaml.ts builds from the `yaml` library's parse. */
export function fastLineIndex(parsed: FastYaml): Map<string, number> {
  const lines = new Map<string, number>();
  indexNodes(parsed.root, parsed.value, parsed.text, lines);
  return lines;
}

/** parseYamlFast without the kept answer: a late lookup must not take one kept for another file. */
export function parseYamlFastFresh(text: string): FastYaml | undefined {
  if (isDifferentByDesign(text)) return undefined;
  const nodes = recordNodes();
  let value: unknown;
  try {
    value = load(text, {
      schema: SCHEMA,
      listener: nodes.listener,
      onWarning: (warning) => {
        throw new NotForFastPath(warning.message);
      },
    });
  } catch {
    // Invalid YAML, or something the listener stopped: the `yaml` library reads it and
    // reports what there is to report.
    return undefined;
  }
  const root = nodes.root();
  // A spec is a mapping: a document that is a scalar (or empty) goes the slow way.
  if (root === undefined || typeof value !== "object" || value === null) return undefined;
  // Every alias is one copy for the `yaml` library's bound when no anchored node holds an
  // alias (checked as they closed), and the anchored node itself counts one: fewer
  // alias-like tokens than the bound, and it holds.
  if (nodes.anchors() > 0 && countAliasLike(text) >= MAX_ALIAS_COUNT) return undefined;
  return indexNodes(root, value, text, undefined) ? { value, text, root } : undefined;
}
