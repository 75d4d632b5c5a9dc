import { astToString, type OpenAPI3 } from "openapi-typescript";
import { Project } from "ts-morph";
import type { Diagnostics } from "../diagnostics.js";
import type { JsonObject } from "../openapi-walk.js";
import { releaseMemory } from "../release-memory.js";
import { banner, type Provenance } from "./banner.js";
import { planPropertyDocs } from "./enrich/document-properties.js";
import { planRootDocs } from "./enrich/document-roots.js";
import { applyTextEdits } from "./enrich/text-edits.js";
import { formatTypeScript } from "./format.js";
import type { OutlinedTail, ParsedTail } from "./format-in-pieces.js";
import type { FormatMemo } from "./format-memo.js";
import { describeOperations, type OperationModel } from "./operation-model.js";
import { renderOperations } from "./render-operations.js";
import { shortenLongTexts } from "./shorten-long-texts.js";
import { dropExamplesHoldingRefs } from "./drop-data-examples.js";
import { openapiTypes } from "./openapi-types.js";

/** From this many operations on, memory is released between stages (a few ms each). */
const BIG_SPEC_OPERATIONS = 200;

/** From this size on, memory is released after the schema file is formatted. */
const BIG_FILE_CHARS = 256 * 1024;

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
  /** Largest piece prettier formats at once; tests make it tiny to check pieces change nothing. */
  pieceChars?: number,
  /** Formatted texts from an earlier run (the command's cache); none by default. */
  formatMemo?: FormatMemo,
): Promise<GeneratedFiles> {
  // openapi.json below keeps every text whole; the code gets excerpts of the very long ones.
  const forCode = shortenLongTexts(document);
  const operations = describeOperations(forCode);
  // Each stage's big intermediate (openapi-typescript's AST, ts-morph's trees) is local to a
  // function, so it is garbage when the stage ends; on big specs it is collected right then, so
  // the peak is one stage's, not their sum.
  const big = operations.length >= BIG_SPEC_OPERATIONS;
  const between = () => (big ? releaseMemory() : undefined);
  const header = banner(provenance);
  const format = (
    text: string,
    known?: Omit<ParsedTail, "offset"> | Omit<OutlinedTail, "offset">,
  ) =>
    formatTypeScript(
      header + "\n" + text,
      pieceChars,
      big ? releaseMemory : undefined,
      formatMemo,
      known && { ...known, offset: header.length + 1 },
    );
  const files: GeneratedFiles = new Map();
  files.set("openapi.json", JSON.stringify(withProvenance(document, provenance), null, 2) + "\n");
  between();
  // Each file is formatted as soon as it is rendered: the schema's parse, made for enrichment,
  // is the one its pieces are cut along, and no two files' trees are alive at once.
  const schema = renderSchema(forCode, operations, between);
  const formatting = format(schema.text, schema.parsed);
  // The formatter plans its pieces before it first waits: from here on the parse, and
  // ts-morph's wrappers around it, are garbage, and on big specs collected before prettier runs.
  schema.parsed = undefined;
  between();
  const schemaChars = schema.text.length;
  files.set("schema.gen.ts", await formatting);
  // prettier's garbage from a big file, promoted while it ran, would otherwise pile under the
  // next file's: collecting it here cut OpenAI's peak from 295 to 241 MB for about 0.2 s of CPU.
  if (big || schemaChars >= BIG_FILE_CHARS) releaseMemory();
  const { text, spans } = renderOperations(forCode, operations, diagnostics);
  const operationsChars = text.length;
  files.set("operations.gen.ts", await format(text, { spans }));
  // The same for the operations file: its prettier garbage would otherwise be in the heap the
  // write grows from. OpenAI's spec (162 operations, a 1.2 MB file): a peak about 12 MB lower,
  // and no more 290 MB outliers, for one collection of about 70 ms of CPU.
  if (big || operationsChars >= BIG_FILE_CHARS) releaseMemory();
  files.set("index.gen.ts", await format(INDEX_SOURCE));
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * openapi-typescript's output with our doc comments added (ranges, defaults, enum tables), and
 * the parse the comments were planned on, with the edits that made its text into ours.
 */
function renderSchema(
  document: JsonObject,
  operations: OperationModel[],
  /** Releases memory on big specs: openapi-typescript's AST is garbage once printed. */
  between: () => void,
): { text: string; parsed?: Omit<ParsedTail, "offset"> } {
  const base = astToString(
    openapiTypes(dropExamplesHoldingRefs(structuredClone(document)) as unknown as OpenAPI3),
  );
  between();
  const parsedBase = newProject().createSourceFile("openapi-typescript.ts", base);
  const edits = [
    ...planRootDocs(parsedBase),
    ...planPropertyDocs(parsedBase, document, operations),
  ];
  return {
    text: applyTextEdits(base, edits),
    // The compiler's tree alone: ts-morph's wrappers and project are garbage from here on.
    parsed: { file: parsedBase.compilerNode, edits },
  };
}

const INDEX_SOURCE = [
  'export type { components, operations, paths } from "./schema.gen.js";',
  'export * from "./operations.gen.js";',
  "",
].join("\n");

function newProject(): Project {
  return new Project({ useInMemoryFileSystem: true, skipAddingFilesFromTsConfig: true });
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
