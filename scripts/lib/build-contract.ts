import { basename, relative, sep } from "node:path";
import { Diagnostics, type Diagnostic, type LineLocator } from "./diagnostics.js";
import { canonicalize } from "./canonicalize.js";
import { holdBackContradicted } from "./infer/hold-back-contradicted.js";
import { inferConstraints } from "./infer/infer-constraints.js";
import { relaxOverstatedRequired } from "./infer/relax-required.js";
import { warnRequiredWithDefault } from "./infer/warn-required-default.js";
import { parseYaml } from "./load/parse-yaml.js";
import { repairYaml } from "./load/repair-yaml.js";
import { assignOperationIds } from "./normalize/assign-operation-ids.js";
import { convertApifoxEnums } from "./normalize/apifox-enums.js";
import { readApifoxStatusKeys } from "./normalize/apifox-status-keys.js";
import { checkAsyncTasks } from "./normalize/check-async-tasks.js";
import { findUnfollowedTasks } from "./normalize/find-task-ids.js";
import { checkServers } from "./normalize/check-servers.js";
import { checkSecurity } from "./security/check-security.js";
import { recognizeFalQueue } from "./normalize/recognize-fal-queue.js";
import { dropTransportHeaders } from "./normalize/drop-transport-headers.js";
import { openEmptyResponses } from "./normalize/open-empty-responses.js";
import { reconcileExamples } from "./normalize/reconcile-examples.js";
import { parseStringExamples } from "./normalize/parse-string-examples.js";
import { requireRequestBodies } from "./normalize/require-request-body.js";
import { normalizeSchemaShapes } from "./normalize/schema-shapes.js";
import { stripApifoxExtensions } from "./normalize/strip-apifox-extensions.js";
import { isObject, type JsonObject } from "./openapi-walk.js";
import { applyOverlay } from "./overlay/apply-overlay.js";
import { bundleExternalRefs } from "./load/bundle-refs.js";
import { checkRefs } from "./load/check-refs.js";
import { SourceMap } from "./load/source-map.js";
import type { SpecFileReader } from "./load/spec-files.js";

/** A text file handed to the pipeline: its name is only used in diagnostics. */
export interface SourceText {
  name: string;
  text: string;
  /** Where other files of a multi-file spec are looked up from (its absolute path). */
  id?: string;
}

export interface ContractOptions {
  /** Reads the files external `$ref`s name; without one, such a `$ref` is an error. */
  reader?: SpecFileReader;
  /** Read constraints out of descriptions (`--no-infer` turns it off). @default true */
  infer?: boolean;
  /**
   * Keep the spec file's pointer-to-line index in the result, and for a multi-file spec the
   * source map of its other files (the spec diff cites lines); off by default, so generation
   * does not hold them in memory after the build. @default false
   */
  keepLines?: boolean;
}

export interface Contract {
  /** The repaired, enriched, overlaid, canonically ordered OpenAPI document. */
  document: JsonObject | undefined;
  diagnostics: Diagnostic[];
  /** The spec file's line of a pointer (its nearest stated ancestor), with `keepLines`. */
  locate?: LineLocator;
  /** With `keepLines`: the file (root or another) and line each pointer was written at. */
  sourceMap?: SourceMap;
}

/**
 * load -> normalize -> infer -> overlay -> reconcile: raw export text in, normalized contract
 * out. Pure (no I/O), so generation and the spec diff run the very same steps on both sides.
 */
export function buildContract(
  spec: SourceText,
  overlays: readonly SourceText[] = [],
  options: ContractOptions = {},
): Contract {
  const diagnostics = new Diagnostics(spec.name);
  const parsed = parseYaml(repairYaml(spec.text, diagnostics), diagnostics);
  if (!parsed) return { document: undefined, diagnostics: diagnostics.items };
  const rootFile = { id: spec.id ?? spec.name, name: spec.name, text: spec.text };
  // Always kept: a warning about a node another file states cites that file's line. It costs
  // one entry per copied node; a file's lines are indexed only when a diagnostic lands in it.
  const sourceMap = new SourceMap({ id: rootFile.id, name: rootFile.name, locate: parsed.locate });
  const located = diagnosticsAt(spec.name, sourceMap, parsed.locate);
  located.items.push(...diagnostics.items);
  if (!isOpenApi3(parsed.value, located))
    return { document: undefined, diagnostics: located.items };
  const document = parsed.value;
  bundleExternalRefs(document, rootFile, options.reader ?? NO_FILE_ACCESS, located, sourceMap);

  normalizeSchemaShapes(document, located);
  checkServers(document, located);
  readApifoxStatusKeys(document, located);
  dropTransportHeaders(document, located);
  convertApifoxEnums(document, located);
  stripApifoxExtensions(document, located);
  recognizeFalQueue(document, located);
  requireRequestBodies(document, located);
  parseStringExamples(document, located);
  openEmptyResponses(document, located);
  for (const overlay of overlays) {
    const overlayDiagnostics = located.forFile(overlay.name);
    const parsedOverlay = parseYaml(overlay.text, overlayDiagnostics);
    if (!parsedOverlay) continue;
    applyOverlay(
      document,
      parsedOverlay.value,
      located.forFile(overlay.name, parsedOverlay.locate),
    );
  }
  // Again after overlays, which may bring 3.1 shapes of their own (what was rewritten is not reported twice).
  if (overlays.length > 0) normalizeSchemaShapes(document, located);
  // After overlays: what they state is explicit and wins, and `x-infer: false` set by one
  // turns inference off for a field, an operation or the whole spec.
  if (options.infer !== false && document["x-infer"] !== false) {
    inferConstraints(document, located);
    holdBackContradicted(document, located);
    relaxOverstatedRequired(document, located);
  }
  warnRequiredWithDefault(document, located);
  // After overlays: they may add references, set curated operationIds or add operations.
  checkRefs(document, located);
  assignOperationIds(document, located);
  checkAsyncTasks(document, located);
  findUnfollowedTasks(document, located);
  // After overlays: one may add a scheme or its `x-auth-prefix` (fal's `Key`).
  checkSecurity(document, located);
  reconcileExamples(document, located);
  const result: Contract = {
    document: canonicalize(document) as JsonObject,
    diagnostics: located.items,
  };
  if (options.keepLines) Object.assign(result, { locate: parsed.locate, sourceMap });
  return result;
}

/** A collector citing each pointer at the file (root or another) and line that states it. */
export function diagnosticsAt(
  name: string,
  sourceMap: SourceMap,
  locate: LineLocator,
): Diagnostics {
  return new Diagnostics(name, locate, (pointer) => {
    const origin = sourceMap.origin(pointer);
    return { file: origin.file.name, line: origin.line };
  });
}

const NO_FILE_ACCESS: SpecFileReader = {
  read: (_from, reference) => ({
    error: `${reference}: this spec refers to another file, and no files can be read here`,
  }),
};

function isOpenApi3(value: unknown, diagnostics: Diagnostics): value is JsonObject {
  if (isObject(value) && typeof value.swagger === "string") {
    // No converter is bundled: swagger2openapi, the standard one, is unmaintained since 2021.
    diagnostics.error(
      "swagger-2",
      `this is a Swagger ${value.swagger} document; convert it to OpenAPI 3 first, e.g. \`npx swagger2openapi spec.yaml -o spec.openapi.yaml\`, or re-export it from apifox as OpenAPI 3`,
      { line: 1 },
    );
    return false;
  }
  if (
    !isObject(value) ||
    typeof value.openapi !== "string" ||
    !/^3\.[01](\.|$)/.test(value.openapi)
  ) {
    diagnostics.error(
      "not-openapi-3",
      'expected an OpenAPI 3.0 or 3.1 document ("openapi: 3.0.x" or "openapi: 3.1.x")',
      { line: 1 },
    );
    return false;
  }
  if (value.paths === undefined) {
    // OpenAPI 3.1 allows a document of components (or webhooks) only; it simply has no calls.
    value.paths = {};
    if (value.openapi.startsWith("3.0"))
      diagnostics.warn(
        "no-paths",
        "the document has no paths object; generating its components only",
        {
          line: 1,
        },
      );
  } else if (!isObject(value.paths)) {
    diagnostics.error("no-paths", "paths must be an object", { pointer: "#/paths" });
    return false;
  }
  return true;
}

/** A display name for a file that is the same on every machine (no absolute paths). */
export function displayName(path: string, root: string): string {
  return path.startsWith(root + "/") ? path.slice(root.length + 1) : basename(path);
}

/**
 * What the other files of a multi-file spec are called in diagnostics: their path from the
 * project when inside it (as the root spec is named), else from the root spec's real folder, so
 * `resources/droplets/models/droplet.yml` is not cut to a bare `droplet.yml` that 2,000 files share.
 * The spec diff names them the same way.
 */
export function referencedFileName(root: string, specFolder: string): (path: string) => string {
  return (path) => {
    if (path.startsWith(root + "/")) return displayName(path, root);
    const fromSpec = relative(specFolder, path);
    return sep === "/" ? fromSpec : fromSpec.split(sep).join("/");
  };
}
