import type { SourceFile } from "ts-morph";
import type { TextEdit } from "./text-edits.js";

/** openapi-typescript leaves its root declarations undocumented; these say what each holds. */
const ROOT_DOCS: Record<string, string> = {
  paths: "Every path of the spec and its operations, as openapi-fetch expects them.",
  components: "Reusable schemas of the spec (`components.schemas`), overlays included.",
  operations: "Every operation by operationId: parameters, request body and responses.",
};

export function planRootDocs(file: SourceFile): TextEdit[] {
  return Object.entries(ROOT_DOCS).flatMap(([name, doc]) => {
    const declaration = file.getInterface(name);
    if (!declaration || declaration.getJsDocs().length > 0) return [];
    const start = declaration.getStart();
    return [{ start, end: start, text: `/** ${doc} */\n` }];
  });
}
