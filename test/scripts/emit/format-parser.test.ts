import { readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { format } from "prettier";
import { describe, expect, it } from "vitest";
import { syntheticExport } from "../../../bench/lib/synthetic-export.js";
import { buildContract } from "../../../scripts/lib/build-contract.js";
import { Diagnostics } from "../../../scripts/lib/diagnostics.js";
import { provenanceOf } from "../../../scripts/lib/emit/banner.js";
import { FORMATTER_ID } from "../../../scripts/lib/emit/format.js";
import { FormatMemo } from "../../../scripts/lib/emit/format-memo.js";
import { renderOutputs } from "../../../scripts/lib/emit/render-outputs.js";
import { diskReader } from "../../../scripts/lib/load/spec-files.js";
import { hostileSpec } from "../../helpers/hostile-spec.js";
import { repoRoot } from "../../helpers/run-generate.js";

/** Records every text handed to prettier (a memo sees each one before formatting). */
class RecordingMemo extends FormatMemo {
  readonly texts = new Set<string>();
  override remember(text: string, format: (text: string) => Promise<string>): Promise<string> {
    this.texts.add(text);
    return super.remember(text, format);
  }
}

const fixture = (path: string) => () => readFileSync(join(repoRoot, path), "utf8");

/** Real exports and fixtures, a peer's 3.1 spec, synthetic endpoints and a hostile spec. */
const SPECS: [string, () => string, string?][] = [
  ["the seed export", fixture("test/fixtures/seed/chainhub-fal-ai.apifox.yaml")],
  ["apifox quirks", fixture("test/fixtures/specs/apifox-quirks.apifox.yaml")],
  [
    "hey-api's full 3.1 spec",
    fixture("test/fixtures/specs/hey-api/full-3.1.yaml"),
    "test/fixtures/specs/hey-api/full-3.1.yaml",
  ],
  [
    "openapi-typescript's multi-line descriptions",
    fixture("test/fixtures/peer-specs/openapi-typescript/multi-line-descriptions.yaml"),
  ],
  ["10 synthetic endpoints", () => syntheticExport(10)],
  [
    "a hostile spec (comment ends, line separators, backticks)",
    () => JSON.stringify(hostileSpec()),
  ],
];

describe("prettier's parser for generated code", () => {
  it.each(SPECS)(
    "babel-ts gives the bytes of the typescript parser: %s",
    async (name, text, file) => {
      const path = file ? join(repoRoot, file) : undefined;
      const spec = { name: `${name}.yaml`, text: text(), ...(path ? { id: path } : {}) };
      const reader = path ? { reader: diskReader(dirname(path), basename) } : {};
      const document = buildContract(spec, [], reader).document;
      expect(document, name).toBeDefined();
      const memo = new RecordingMemo(FORMATTER_ID!);
      const files = await renderOutputs(
        document!,
        provenanceOf(spec, []),
        new Diagnostics(spec.name),
        Number.POSITIVE_INFINITY,
        memo,
      );
      // One text per TypeScript file: formatted whole, as the pieces' equality is proved elsewhere.
      expect(memo.texts.size).toBe(3);
      const formatted = new Set(files.values());
      for (const source of memo.texts) {
        const byTypeScript = await format(source, {
          parser: "typescript",
          printWidth: 100,
          endOfLine: "lf",
        });
        expect(formatted.has(byTypeScript), `${name}: ${source.slice(0, 200)}`).toBe(true);
      }
    },
  );
});
