import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { dirname, join, posix, relative, resolve, sep } from "node:path";
import {
  buildContract,
  displayName,
  referencedFileName,
  type SourceText,
} from "../build-contract.js";
import { formatDiagnostic, type Diagnostic, type LineLocator } from "../diagnostics.js";
import { parseYaml } from "../load/parse-yaml.js";
import { Diagnostics } from "../diagnostics.js";
import { isObject, type JsonObject } from "../openapi-walk.js";
import { overlayFileNames } from "../overlay/overlay-files.js";
import type { SourceMap } from "../load/source-map.js";
import { diskReader, type SpecFileReader } from "../load/spec-files.js";

export interface DiffSide {
  label: string;
  document: JsonObject;
  /** Problems that did not stop the comparison (a stale overlay, say), for stderr. */
  notes: Diagnostic[];
  /** Overlay actions this side's export makes redundant: it now states what they add. */
  redundantOverlayActions: Diagnostic[];
  /** Where this side's pointers are written: its file, and the line of a pointer. */
  source: SideSource;
}

export interface SideSource {
  /** As the reviewer reads it: `spec/x.yaml`, or `origin/main:spec/x.yaml`. */
  file: string;
  /** The path inside the repository and the commit it is read at, for links; when known. */
  repository?: { path: string; commit: string };
  /** The line of a pointer in `file`. */
  locate: LineLocator;
  /**
   * A multi-file spec's other files: the one a pointer was written in (`undefined` when it is
   * `file` itself), named as the reader names it, its path from `file`'s folder, and the line.
   */
  locateInFiles?: (pointer: string) => OtherFileLine | undefined;
}

export interface OtherFileLine {
  /** As the reviewer reads it, like `file`: `spec/parts/pet.yaml`, `main:spec/parts/pet.yaml`. */
  name: string;
  /** From the folder of the side's root file, with `/`: `parts/pet.yaml`. */
  path: string;
  line: number | undefined;
}

/** Overlays for a side: the repository's own (as of that side), none, or a given folder. */
export type OverlayChoice =
  { kind: "default" } | { kind: "none" } | { kind: "folder"; path: string };

/** Bad input: an unreadable file, an unknown git ref. The CLI exits 2 with its message. */
export class DiffInputError extends Error {}

const OVERLAY_DIR = "spec/overlays";

/**
 * Reads one side of a diff: a raw apifox export (run through the generation pipeline), a
 * normalized `openapi.json` (used as is), or `<git-ref>:<path>`, whose overlays are read from the
 * same ref so an old export is compared with the overlays that applied to it.
 */
export function loadSide(spec: string, rootFolder: string, overlays: OverlayChoice): DiffSide {
  // No trailing slash: files are told inside the repository by `root + "/"`.
  const root = resolve(rootFolder);
  const ref = gitRefOf(spec, root);
  if (ref) {
    const text = gitShow(root, ref.ref, ref.path);
    const overlayTexts =
      overlays.kind === "default" ? gitOverlays(root, ref.ref) : readOverlays(root, overlays);
    const side = toSide(
      spec,
      { name: spec, text, id: ref.path },
      overlayTexts,
      gitReader(root, ref),
    );
    const commit = revParse(root, ref.ref);
    if (commit) side.source.repository = { path: ref.path, commit };
    return side;
  }
  let text: string;
  try {
    text = readFileSync(resolvePath(root, spec), "utf8");
  } catch (error) {
    throw new DiffInputError(
      `${spec}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  const path = resolvePath(root, spec);
  const folder = dirname(realpathSync(path));
  const side = toSide(
    spec,
    { name: displayName(path, root), text, id: realpathSync(path) },
    readOverlays(root, overlays),
    // A spec outside the project: its other files by their path from its folder, not bare names.
    diskReader(folder, referencedFileName(root, folder)),
  );
  // A working-tree file is linked at HEAD: what the pull request's head commit holds.
  const commit = path.startsWith(root + "/") ? revParse(root, "HEAD") : undefined;
  if (commit) side.source.repository = { path: displayName(path, root), commit };
  return side;
}

function revParse(root: string, ref: string): string | undefined {
  try {
    return execFileSync("git", ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return undefined;
  }
}

/** Errors that leave a `$ref` unresolved; others (a stale overlay, say) are notes. */
const HOLE_CODES = new Set(["unresolved-ref", "ref-cycle"]);

function toSide(
  label: string,
  source: SourceText,
  overlays: SourceText[],
  reader: SpecFileReader,
): DiffSide {
  const normalized = parseNormalized(source.text);
  if (normalized) {
    // JSON is YAML: the same parser indexes its lines.
    const locate =
      parseYaml(source.text, new Diagnostics(source.name))?.locate ?? (() => undefined);
    return {
      label,
      document: normalized,
      notes: [],
      redundantOverlayActions: [],
      source: { file: source.name, locate },
    };
  }
  const contract = buildContract(source, overlays, { reader, keepLines: true });
  // A reference left unresolved is a hole the comparison would report as something else (a
  // schema "nested deeper than the diff compares"): the side is as unusable as unparsable YAML.
  const holes = contract.diagnostics.filter((d) => HOLE_CODES.has(d.code));
  if (!contract.document || holes.length > 0) {
    const errors = contract.diagnostics.filter((d) => d.severity === "error").map(formatDiagnostic);
    throw new DiffInputError(`${label}: not a usable spec\n${errors.join("\n")}`);
  }
  return {
    label,
    document: contract.document,
    notes: contract.diagnostics.filter((d) => d.severity === "error"),
    redundantOverlayActions: contract.diagnostics.filter(
      (d) => d.code === "overlay-action-redundant",
    ),
    source: {
      file: source.name,
      locate: contract.locate ?? (() => undefined),
      locateInFiles: contract.sourceMap && otherFileLines(contract.sourceMap),
    },
  };
}

/** Where a pointer of the bundled document was written, when that is not the root file. */
function otherFileLines(map: SourceMap): NonNullable<SideSource["locateInFiles"]> {
  const folder = dirname(map.root.id);
  return (pointer) => {
    const origin = map.origin(pointer);
    if (origin.file === map.root) return undefined;
    return {
      name: origin.file.name,
      path: slashed(relative(folder, origin.file.id)),
      line: origin.line,
    };
  };
}

function slashed(path: string): string {
  return sep === "/" ? path : path.split(sep).join("/");
}

/** A JSON document with `openapi` is taken as already normalized (generated/openapi.json). */
function parseNormalized(text: string): JsonObject | undefined {
  if (!text.trimStart().startsWith("{")) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    return isObject(value) && typeof value.openapi === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}

function gitRefOf(spec: string, root: string): { ref: string; path: string } | undefined {
  const match = /^([^:]+):(.+)$/.exec(spec);
  if (!match || existsSync(resolvePath(root, spec))) return undefined;
  const [, ref = "", path = ""] = match;
  try {
    execFileSync("git", ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], {
      cwd: root,
      stdio: "pipe",
    });
  } catch {
    throw new DiffInputError(`${spec}: unknown git ref "${ref}"`);
  }
  return { ref, path };
}

/** Files of a multi-file spec as they were at the ref, relative to the referring file. */
function gitReader(root: string, side: { ref: string; path: string }): SpecFileReader {
  const base = posix.dirname(side.path);
  return {
    read(from, reference) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(reference))
        return { error: `remote reference "${reference}" is not fetched` };
      const path = posix.normalize(
        posix.join(posix.dirname(from.id), decodeURIComponent(reference)),
      );
      if (path.startsWith("..") || !(base === "." || path.startsWith(`${base}/`)))
        return { error: `${reference} is outside the spec's folder at ${side.ref}` };
      try {
        return { id: path, name: `${side.ref}:${path}`, text: gitShow(root, side.ref, path) };
      } catch {
        return { error: `cannot read ${side.ref}:${path}` };
      }
    },
  };
}

function gitShow(root: string, ref: string, path: string): string {
  try {
    return execFileSync("git", ["show", `${ref}:${path}`], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch {
    throw new DiffInputError(`${ref}:${path}: no such file at ${ref}`);
  }
}

function gitOverlays(root: string, ref: string): SourceText[] {
  let names: string[];
  try {
    names = execFileSync("git", ["ls-tree", "--name-only", `${ref}:${OVERLAY_DIR}`], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    }).split("\n");
  } catch {
    return []; // that ref has no overlays
  }
  return overlayFileNames(names).map((n) => ({
    name: `${ref}:${OVERLAY_DIR}/${n}`,
    text: gitShow(root, ref, `${OVERLAY_DIR}/${n}`),
  }));
}

function readOverlays(root: string, choice: OverlayChoice): SourceText[] {
  if (choice.kind === "none") return [];
  const dir = resolvePath(root, choice.kind === "folder" ? choice.path : OVERLAY_DIR);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    if (choice.kind === "folder")
      throw new DiffInputError(`${choice.path}: overlay folder cannot be read`);
    return [];
  }
  return overlayFileNames(names).map((n) => ({
    name: displayName(join(dir, n), root),
    text: readFileSync(join(dir, n), "utf8"),
  }));
}

function resolvePath(root: string, path: string): string {
  return path.startsWith("/") ? path : join(root, path);
}
