import { escapePointerSegment } from "../json-pointer.js";
import type { NodeRecord } from "./js-yaml-nodes.js";

/**
 * What the `yaml` library accepts as an implicit key, less a margin (it stops at 1,024
 * characters, js-yaml does not): a longer key goes the slow way, which reports it.
 */
const MAX_KEY_CHARS = 1000;

/**
 * Checks that the nodes js-yaml reported build exactly the value it returned, one node per
 * entry, every key a plain or quoted scalar, and fills `lines` (when given) with what
 * parse-yaml's index of the `yaml` library's parse holds: an entry's line is its key's, an
 * item's where it starts. False when anything does not fit: a key that is null or a
 * collection (the two libraries turn it into different strings), an explicit `? key`, an
 * empty sequence item (js-yaml reports no node for it), a pair inside a flow sequence.
 */
export function indexNodes(
  root: NodeRecord,
  value: unknown,
  text: string,
  lines: Map<string, number> | undefined,
): boolean {
  if (!Object.is(root.result, value)) return false;
  lines?.set("#", root.line);
  return indexNode(root, "#", text, lines);
}

function indexNode(
  node: NodeRecord,
  pointer: string,
  text: string,
  lines: Map<string, number> | undefined,
): boolean {
  const content = collapsed(node);
  if (content.kind === "mapping") return indexMapping(content, pointer, text, lines);
  if (content.kind !== "sequence") return true;
  const items = content.result as unknown[];
  const children = content.children ?? [];
  if (children.length !== items.length) return false;
  for (let index = 0; index < items.length; index++) {
    const item = children[index]!;
    if (!Object.is(item.result, items[index])) return false;
    const child = `${pointer}/${index}`;
    lines?.set(child, item.line);
    if (!indexNode(item, child, text, lines)) return false;
  }
  return true;
}

function indexMapping(
  node: NodeRecord,
  pointer: string,
  text: string,
  lines: Map<string, number> | undefined,
): boolean {
  const entries = node.result as Record<string, unknown>;
  const children = node.children ?? [];
  const seen = new Set<string>();
  for (let i = 0; i < children.length;) {
    const key = children[i++]!;
    if (!isSimpleKey(key, text)) return false;
    const name = String(key.result);
    if (seen.has(name) || !Object.hasOwn(entries, name)) return false;
    seen.add(name);
    const value = entries[name];
    const child = `${pointer}/${escapePointerSegment(name)}`;
    lines?.set(child, key.line);
    // A value js-yaml composed is the next node; an empty one (`key:` and a new line) may
    // have none, and then the value is null.
    const next = children[i];
    if (next !== undefined && Object.is(next.result, value)) {
      i++;
      if (!indexNode(next, child, text, lines)) return false;
    } else if (value !== null) return false;
  }
  return seen.size === Object.keys(entries).length;
}

function isSimpleKey(key: NodeRecord, text: string): boolean {
  if (key.kind !== "scalar" || key.anchored) return false;
  if (key.result === null || typeof key.result === "object") return false;
  // An explicit key (`? key`) is opened after its indicator, on the space that follows it.
  const first = text.charCodeAt(key.start);
  if (first === 0x20 || first === 0x09 || first === 0x0a || first === 0x0d) return false;
  return key.end - key.start <= MAX_KEY_CHARS;
}

/**
 * js-yaml reads a node that may be a block mapping by composing its first key: when no `:`
 * follows, that inner node is the whole content (`{a: 1}` as a document), reported inside.
 */
function collapsed(node: NodeRecord): NodeRecord {
  let content = node;
  while (
    content.children?.length === 1 &&
    typeof content.result === "object" &&
    content.result !== null &&
    content.children[0]!.result === content.result
  )
    content = content.children[0]!;
  return content;
}
