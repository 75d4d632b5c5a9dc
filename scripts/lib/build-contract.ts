import { basename } from "node:path";
import { Diagnostics, type Diagnostic } from "./diagnostics.js";
import { canonicalize } from "./canonicalize.js";
import { inferConstraints } from "./infer/infer-constraints.js";
import { parseYaml } from "./load/parse-yaml.js";
import { repairYaml } from "./load/repair-yaml.js";
import { assignOperationIds } from "./normalize/assign-operation-ids.js";
import { convertApifoxEnums } from "./normalize/apifox-enums.js";
import { readApifoxStatusKeys } from "./normalize/apifox-status-keys.js";
import { checkServers } from "./normalize/check-servers.js";
import { dropTransportHeaders } from "./normalize/drop-transport-headers.js";
import { openEmptyResponses } from "./normalize/open-empty-responses.js";
import { reconcileExamples } from "./normalize/reconcile-examples.js";
import { requireRequestBodies } from "./normalize/require-request-body.js";
import { stripApifoxExtensions } from "./normalize/strip-apifox-extensions.js";
import { isObject, type JsonObject } from "./openapi-walk.js";
import { applyOverlay } from "./overlay/apply-overlay.js";

/** A text file handed to the pipeline: its name is only used in diagnostics. */
export interface SourceText {
  name: string;
  text: string;
}

export interface Contract {
  /** The repaired, enriched, overlaid, canonically ordered OpenAPI document. */
  document: JsonObject | undefined;
  diagnostics: Diagnostic[];
}

/**
 * load -> normalize -> infer -> overlay -> reconcile: raw export text in, normalized contract
 * out. Pure (no I/O), so generation and the spec diff run the very same steps on both sides.
 */
export function buildContract(spec: SourceText, overlays: readonly SourceText[] = []): Contract {
  const diagnostics = new Diagnostics(spec.name);
  const parsed = parseYaml(repairYaml(spec.text, diagnostics), diagnostics);
  if (!parsed) return { document: undefined, diagnostics: diagnostics.items };
  const located = new Diagnostics(spec.name, parsed.locate);
  located.items.push(...diagnostics.items);
  if (!isOpenApi3(parsed.value, located))
    return { document: undefined, diagnostics: located.items };
  const document = parsed.value;

  checkServers(document, located);
  readApifoxStatusKeys(document, located);
  dropTransportHeaders(document, located);
  convertApifoxEnums(document, located);
  stripApifoxExtensions(document, located);
  requireRequestBodies(document, located);
  openEmptyResponses(document, located);
  inferConstraints(document, located);
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
  // After overlays: they may set curated operationIds or add operations.
  assignOperationIds(document, located);
  reconcileExamples(document, located);
  return { document: canonicalize(document) as JsonObject, diagnostics: located.items };
}

function isOpenApi3(value: unknown, diagnostics: Diagnostics): value is JsonObject {
  if (!isObject(value) || typeof value.openapi !== "string" || !value.openapi.startsWith("3.0")) {
    diagnostics.error("not-openapi-3", 'expected an OpenAPI 3.0 document ("openapi: 3.0.x")', {
      line: 1,
    });
    return false;
  }
  if (!isObject(value.paths)) {
    diagnostics.error("no-paths", "the document has no paths object", { pointer: "#/paths" });
    return false;
  }
  return true;
}

/** A display name for a file that is the same on every machine (no absolute paths). */
export function displayName(path: string, root: string): string {
  return path.startsWith(root + "/") ? path.slice(root.length + 1) : basename(path);
}
