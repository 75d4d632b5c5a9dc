import { Diagnostics } from "../diagnostics.js";
import { parsePointer, resolvePointer, toPointer } from "../json-pointer.js";
import { isObject, type JsonObject } from "../openapi-walk.js";
import { pascalCase } from "../emit/naming.js";
import { MAX_INPUT_CHARS } from "./input-bounds.js";
import { parseYaml, type ParsedYaml } from "./parse-yaml.js";
import { forEachRef, type RefVisit } from "./ref-walk.js";
import { repairYaml } from "./repair-yaml.js";
import type { OriginFile, SourceMap } from "./source-map.js";
import type { SpecFile, SpecFileReader } from "./spec-files.js";

const SECTIONS = [
  "schemas",
  "parameters",
  "responses",
  "requestBodies",
  "headers",
  "examples",
  "links",
  "callbacks",
  "securitySchemes",
] as const;
type Section = (typeof SECTIONS)[number];

/** Keywords whose value is a map of named entries, not one object a component could hold. */
const MAP_KEYWORDS = new Set([
  "properties",
  "patternProperties",
  "content",
  "headers",
  "links",
  "callbacks",
  "responses",
  "encoding",
  "variables",
  "examples",
  "$defs",
  "definitions",
]);

interface Loaded {
  file: SpecFile;
  value: unknown;
  diagnostics: Diagnostics;
  /** What the source map names this file by (only kept when one is asked for). */
  origin?: OriginFile;
}

/**
 * Bundles a multi-file spec into one document: every `$ref` to another file (relative to the
 * file that holds it) is copied into the root's `components`, under the name its pointer or
 * file gives it, and the `$ref` points there; local `$ref`s inside other files follow their
 * file. A target used twice is copied once, and recursive references stay references, so
 * cycles are fine. Path items are inlined (OpenAPI 3.0 has no component for them). Missing
 * files and pointers are errors at the line of the `$ref` that names them.
 * With `sourceMap`, every node copied in from a file is recorded there with the file and
 * pointer it came from, so a line can be cited in the file that states it.
 */
export function bundleExternalRefs(
  document: JsonObject,
  rootFile: SpecFile,
  reader: SpecFileReader,
  diagnostics: Diagnostics,
  sourceMap?: SourceMap,
): void {
  const files = new Map<string, Loaded>([
    [rootFile.id, { file: rootFile, value: document, diagnostics, origin: sourceMap?.root }],
  ]);
  const assigned = new Map<string, string>();
  const components = isObject(document.components) ? document.components : {};
  let touched = false;
  // The limit holds for the whole spec, not for each of its files alone.
  let totalChars = rootFile.text.length;

  const load = (from: Loaded, reference: string, at: string): Loaded | undefined => {
    const result = reader.read(from.file, reference);
    if ("error" in result) {
      from.diagnostics.error("unresolved-ref", result.error, { pointer: at });
      return undefined;
    }
    const cached = files.get(result.id);
    if (cached) return cached;
    totalChars += result.text.length;
    if (totalChars > MAX_INPUT_CHARS) {
      from.diagnostics.error(
        "input-too-large",
        `with ${result.name}, the spec's files hold ${totalChars.toLocaleString("en")} characters; the limit is ${MAX_INPUT_CHARS.toLocaleString("en")} (${MAX_INPUT_CHARS / 1024 / 1024} MiB) for all of them together`,
        { pointer: at },
      );
      return undefined;
    }
    const fileDiagnostics = diagnostics.forFile(result.name);
    const parsed: ParsedYaml | undefined = parseYaml(
      repairYaml(result.text, fileDiagnostics),
      fileDiagnostics,
      "lazy",
    );
    if (!parsed) return undefined;
    const loaded: Loaded = {
      file: result,
      value: parsed.value,
      diagnostics: diagnostics.forFile(result.name, parsed.locate),
    };
    if (sourceMap) loaded.origin = { name: result.name, id: result.id, locate: parsed.locate };
    files.set(result.id, loaded);
    return loaded;
  };

  // Recorded before the node's own references are walked: a node whose content is a `$ref` to
  // a third file is replaced in place, and that file's entry (same pointer) must win.
  const recordOrigin = (at: (string | number)[], from: Loaded, inFile: (string | number)[]) => {
    if (sourceMap && from.origin) sourceMap.record(at, from.origin, inFile);
  };

  /**
   * `at` is where the node now sits in the bundled document, `origin` where it was written in
   * its own file: diagnostics point at the line the user can open.
   */
  const walk = (
    node: unknown,
    at: (string | number)[],
    owner: Loaded,
    origin: (string | number)[],
  ): void =>
    forEachRef(node, [], (refNode, relative) => {
      const local = owner.file.id === rootFile.id && (refNode.$ref as string).startsWith("#");
      if (local) return undefined;
      return rewrite(refNode, [...at, ...relative], owner, [...origin, ...relative]);
    });

  const rewrite = (
    node: JsonObject,
    at: (string | number)[],
    owner: Loaded,
    origin: (string | number)[],
  ): RefVisit => {
    const reference = node.$ref as string;
    const hash = reference.indexOf("#");
    const path = hash === -1 ? reference : reference.slice(0, hash);
    const pointer = hash === -1 ? "" : reference.slice(hash + 1);
    const refAt = toPointer([...origin, "$ref"]);
    const target = path === "" ? owner : load(owner, path, refAt);
    if (!target) return undefined;
    const key = `${target.file.id}#${pointer}`;
    const known = assigned.get(key);
    if (known) {
      node.$ref = known;
      return undefined;
    }
    const value = resolvePointer(target.value, `#${pointer}`);
    if (value === undefined) {
      owner.diagnostics.error(
        "unresolved-ref",
        `${reference}: ${pointer || "/"} does not exist in ${target.file.name}`,
        { pointer: refAt },
      );
      return undefined;
    }
    touched = true;
    const targetAt = parsePointer(`#${pointer}`);
    const copy = structuredClone(value);
    // Text, numbers, lists, or anything outside a schema's reach (info, tags, servers) is copied
    // in place of the reference.
    if (!isObject(copy) || ["info", "tags", "servers", "externalDocs"].includes(String(at[0]))) {
      recordOrigin(at, target, targetAt);
      if (isObject(copy) || Array.isArray(copy)) walk(copy, at, target, targetAt);
      return { replaceWith: copy };
    }
    if (at.length === 3 && at[0] === "components") {
      // `components.schemas.Pet: {$ref: pet.yaml}`: the entry becomes the file's content.
      assigned.set(key, toPointer(at));
      delete node.$ref;
      if (isObject(copy)) Object.assign(node, copy);
      recordOrigin(at, target, targetAt);
      walk(node, at, target, targetAt);
      return "skip";
    }
    const section = sectionFor(pointer, at);
    if (section === undefined) {
      // A path item: copied in place, its own references resolved from its file.
      delete node.$ref;
      if (isObject(copy)) Object.assign(node, copy);
      recordOrigin(at, target, targetAt);
      walk(node, at, target, targetAt);
      return "skip";
    }
    const bucket = (components[section] = isObject(components[section]) ? components[section] : {});
    const name = freeName(bucket, nameFor(pointer, target.file.name));
    const local = toPointer(["components", section, name]);
    assigned.set(key, local);
    bucket[name] = copy;
    node.$ref = local;
    recordOrigin(["components", section, name], target, targetAt);
    walk(copy, ["components", section, name], target, targetAt);
    return undefined;
  };

  // Local references of the root stay; everything else is visited once.
  walk(document, [], files.get(rootFile.id)!, []);
  if (touched) document.components = components;
}

/** Which components section a reference belongs in: its pointer says, else where it is used. */
function sectionFor(pointer: string, at: (string | number)[]): Section | undefined {
  const named = /^\/components\/([^/]+)\/[^/]+$/.exec(pointer)?.[1];
  if (named && (SECTIONS as readonly string[]).includes(named)) return named as Section;
  // Path items and operations have no components section in 3.0, and a `$ref` standing for a
  // whole map (`properties: {$ref: ...}`, which tools accept) can only be its content: copied in place.
  if (at[0] === "paths" && at.length <= 3) return undefined;
  if (MAP_KEYWORDS.has(String(at[at.length - 1]))) return undefined;
  const parent = at[at.length - 2];
  const last = at[at.length - 1];
  if (parent === "parameters") return "parameters";
  if (parent === "responses") return "responses";
  if (last === "requestBody") return "requestBodies";
  if (parent === "headers") return "headers";
  if (parent === "examples") return "examples";
  return "schemas";
}

function nameFor(pointer: string, fileName: string): string {
  const last = pointer.split("/").filter(Boolean).pop();
  const stem = last
    ? last.replace(/~1/g, "/").replace(/~0/g, "~")
    : (fileName.split(/[\\/]/).pop() ?? "Schema").replace(/\.(ya?ml|json)$/i, "");
  return pascalCase(stem) || "Schema";
}

function freeName(bucket: JsonObject, wanted: string): string {
  if (!(wanted in bucket)) return wanted;
  for (let n = 2; ; n++) if (!(`${wanted}${n}` in bucket)) return `${wanted}${n}`;
}
