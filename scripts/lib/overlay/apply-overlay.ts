import { exec } from "jsonpath-rfc9535";
import type { Diagnostics } from "../diagnostics.js";
import { toPointer } from "../json-pointer.js";
import { isObject, type JsonObject } from "../openapi-walk.js";

/**
 * Applies an OpenAPI Overlay 1.0 document in place. Semantics per the spec: `target` is an
 * RFC 9535 JSONPath; `update` is merged into each selected object (recursively, as the common
 * implementations do) or appended to each selected array; `remove: true` deletes the node.
 * A target that selects nothing is an error: after a spec update, a stale overlay must fail
 * loudly instead of silently no longer applying.
 */
export function applyOverlay(
  document: JsonObject,
  overlay: unknown,
  diagnostics: Diagnostics,
): void {
  if (!isValidOverlay(overlay, diagnostics)) return;
  overlay.actions.forEach((action, index) => {
    const at = { pointer: toPointer(["actions", index, "target"]) };
    if (!isObject(action) || typeof action.target !== "string" || !action.target.startsWith("$")) {
      diagnostics.error(
        "overlay-invalid-action",
        `action ${index} needs a "target" JSONPath starting with "$"`,
        at,
      );
      return;
    }
    if (action.remove !== true && action.update === undefined) {
      diagnostics.error(
        "overlay-invalid-action",
        `action ${index} has neither "update" nor "remove: true"`,
        at,
      );
      return;
    }
    const matches: (string | number)[][] = [];
    try {
      exec(document as never, action.target, (_value, path) => matches.push(path.map(keyOf)));
    } catch (error) {
      diagnostics.error(
        "overlay-bad-jsonpath",
        `target ${action.target} is not valid JSONPath: ${(error as Error).message}`,
        at,
      );
      return;
    }
    if (matches.length === 0) {
      diagnostics.error(
        "overlay-stale-target",
        `target ${action.target} matches nothing in the spec; update or delete this action`,
        at,
      );
      return;
    }
    if (action.remove === true) removeNodes(document, matches);
    else {
      // Checked before merging: once the vendor's export states what this action adds, the
      // action is dead weight that would hide the vendor's next change to the same field.
      if (matches.every((path) => alreadyStates(nodeAt(document, path), action.update)))
        diagnostics.info(
          "overlay-action-redundant",
          `action ${index} (${action.target}) changes nothing: the export already states ${describeUpdate(action.update)}; delete the action`,
          at,
        );
      for (const path of matches)
        updateNode(document, path, action.update, action.target, diagnostics, at);
    }
  });
}

interface OverlayDocument {
  actions: unknown[];
}

function isValidOverlay(overlay: unknown, diagnostics: Diagnostics): overlay is OverlayDocument {
  if (
    !isObject(overlay) ||
    typeof overlay.overlay !== "string" ||
    !/^1\.0\.\d+$/.test(overlay.overlay)
  ) {
    diagnostics.error("overlay-invalid", 'not an Overlay 1.0 document: expected "overlay: 1.0.x"', {
      pointer: "#/overlay",
    });
    return false;
  }
  if (
    !isObject(overlay.info) ||
    typeof overlay.info.title !== "string" ||
    typeof overlay.info.version !== "string"
  ) {
    diagnostics.error("overlay-invalid", "an overlay needs info.title and info.version", {
      pointer: "#/info",
    });
    return false;
  }
  if (!Array.isArray(overlay.actions) || overlay.actions.length === 0) {
    diagnostics.error("overlay-invalid", "an overlay needs a non-empty actions list", {
      pointer: "#/actions",
    });
    return false;
  }
  return true;
}

function nodeAt(root: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>(
    (node, key) => (node as Record<string | number, unknown>)?.[key],
    root,
  );
}

function updateNode(
  document: JsonObject,
  path: (string | number)[],
  update: unknown,
  target: string,
  diagnostics: Diagnostics,
  at: { pointer: string },
): void {
  const node = nodeAt(document, path);
  if (Array.isArray(node)) {
    node.push(structuredClone(update));
  } else if (isObject(node) && isObject(update)) {
    deepMerge(node, update);
  } else {
    diagnostics.error(
      "overlay-incompatible-update",
      `target ${target} selects ${describe(node)} at ${toPointer(path)}; "update" needs an object or array there`,
      at,
    );
  }
}

/** Objects merge key by key; anything else (scalars, arrays) in the update replaces. */
function deepMerge(target: JsonObject, update: JsonObject): void {
  for (const [key, value] of Object.entries(update)) {
    const existing = target[key];
    if (isObject(existing) && isObject(value)) deepMerge(existing, value);
    else target[key] = structuredClone(value);
  }
}

function removeNodes(document: JsonObject, paths: (string | number)[][]): void {
  // Deepest and highest indices first, so earlier removals never shift later paths.
  const ordered = [...paths].sort((a, b) => b.length - a.length || compareLast(b, a));
  for (const path of ordered) {
    const key = path[path.length - 1];
    const parent = nodeAt(document, path.slice(0, -1));
    if (Array.isArray(parent) && typeof key === "number") parent.splice(key, 1);
    else if (isObject(parent) && key !== undefined) delete parent[String(key)];
  }
}

function compareLast(a: (string | number)[], b: (string | number)[]): number {
  const x = a[a.length - 1];
  const y = b[b.length - 1];
  return typeof x === "number" && typeof y === "number" ? x - y : 0;
}

function describe(node: unknown): string {
  return node === null
    ? "null"
    : Array.isArray(node)
      ? "an array"
      : typeof node === "object"
        ? "an object"
        : `a ${typeof node}`;
}

/** Whether merging `update` into `node` would leave it as it is. */
function alreadyStates(node: unknown, update: unknown): boolean {
  // Appending to an array always adds something.
  if (Array.isArray(node)) return false;
  if (isObject(node) && isObject(update))
    return Object.entries(update).every(([key, value]) =>
      isObject(value) && isObject(node[key])
        ? alreadyStates(node[key], value)
        : key in node && sameJson(node[key], value),
    );
  return false;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The leaves an update sets, as `a/b/c`: what the export now says on its own. */
function describeUpdate(update: unknown): string {
  const leaves: string[] = [];
  const walk = (value: unknown, path: string[]) => {
    if (isObject(value) && Object.keys(value).length > 0)
      for (const [key, child] of Object.entries(value)) walk(child, [...path, key]);
    else leaves.push(path.join("/"));
  };
  walk(update, []);
  const shown = leaves.slice(0, 5).map((leaf) => `"${leaf}"`);
  return leaves.length > 5 ? `${shown.join(", ")} and ${leaves.length - 5} more` : shown.join(", ");
}

/**
 * The library gives a match's path as normalized-path segments (RFC 9535 2.7): a key holding an
 * apostrophe, a backslash or a control character comes escaped (`a\'b`), and as such names no
 * member of the document. Array indices come as numbers.
 */
function keyOf(segment: string | number): string | number {
  if (typeof segment === "number" || !segment.includes("\\")) return segment;
  return segment.replace(/\\(?:u([0-9a-fA-F]{4})|(.))/g, (_, hex: string | undefined, c: string) =>
    hex !== undefined ? String.fromCharCode(parseInt(hex, 16)) : (UNESCAPED[c] ?? c),
  );
}

const UNESCAPED: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
