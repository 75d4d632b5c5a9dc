import openapiTS, { astToString } from "openapi-typescript";
import { Project } from "ts-morph";
import type { Diagnostics } from "../diagnostics.js";
import type { JsonObject } from "../openapi-walk.js";
import { banner, type Provenance } from "./banner.js";
import { planPropertyDocs } from "./enrich/document-properties.js";
import { planRootDocs } from "./enrich/document-roots.js";
import { applyTextEdits } from "./enrich/text-edits.js";
import { formatTypeScript } from "./format.js";
import { describeOperations } from "./operation-model.js";
import { renderOperations } from "./render-operations.js";

/** File name (relative to the output folder) to exact file contents. */
export type GeneratedFiles = Map<string, string>;

/**
 * document -> openapi-typescript -> ts-morph enrichment -> prettier. Pure: returns the files,
 * writes nothing, so `--check` and the atomic writer share it.
 */
export async function renderOutputs(
  document: JsonObject,
  provenance: Provenance,
  diagnostics: Diagnostics,
): Promise<GeneratedFiles> {
  const operations = describeOperations(document);
  const base = astToString(
    await openapiTS(structuredClone(document) as never, {
      silent: true,
      alphabetize: false,
      exportType: false,
      // A default is what the server fills in when a field is left out: it must never make a
      // request field required ({ prompt } alone stays valid for a model whose fields default).
      defaultNonNullable: false,
    }),
  );

  const project = new Project({ useInMemoryFileSystem: true, skipAddingFilesFromTsConfig: true });
  const parsedBase = project.createSourceFile("openapi-typescript.ts", base);
  const schemaText = applyTextEdits(base, [
    ...planRootDocs(parsedBase),
    ...planPropertyDocs(parsedBase, document, operations),
  ]);
  const schemaFile = project.createSourceFile("schema.gen.ts", schemaText);
  const operationsFile = project.createSourceFile("operations.gen.ts", "");
  renderOperations(operationsFile, document, operations, diagnostics);
  const indexFile = project.createSourceFile("index.gen.ts", "");
  indexFile.addExportDeclaration({
    moduleSpecifier: "./schema.gen.js",
    isTypeOnly: true,
    namedExports: ["components", "operations", "paths"],
  });
  indexFile.addExportDeclaration({ moduleSpecifier: "./operations.gen.js" });

  const header = banner(provenance);
  const files: GeneratedFiles = new Map();
  files.set("openapi.json", JSON.stringify(withProvenance(document, provenance), null, 2) + "\n");
  for (const file of [indexFile, operationsFile, schemaFile]) {
    files.set(file.getBaseName(), await formatTypeScript(header + "\n" + file.getFullText()));
  }
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}

/** Records where the normalized contract came from, inside the contract itself. */
function withProvenance(document: JsonObject, provenance: Provenance): JsonObject {
  const info = {
    ...(document.info as JsonObject),
    "x-generated-from": {
      spec: provenance.spec,
      overlays: provenance.overlays,
      sha256: provenance.sha256,
    },
  };
  return { ...document, info };
}
