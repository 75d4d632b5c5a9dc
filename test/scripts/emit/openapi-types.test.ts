import { readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { buildContract } from "../../../scripts/lib/build-contract.js";
import { diskReader } from "../../../scripts/lib/load/spec-files.js";
import { dropExamplesHoldingRefs } from "../../../scripts/lib/emit/drop-data-examples.js";
import { OPENAPI_TS_OPTIONS, openapiTypes } from "../../../scripts/lib/emit/openapi-types.js";
import type { JsonObject } from "../../../scripts/lib/openapi-walk.js";
import { repoRoot } from "../../helpers/run-generate.js";

/** Contracts as the generator hands them on: the seed, a 3.1 spec with discriminators, more. */
const SPECS: [string, string][] = [
  ["the seed export", "test/fixtures/seed/chainhub-fal-ai.apifox.yaml"],
  [
    "hey-api's full 3.1 spec (discriminators, oneOf, nullable, a $ref to another file)",
    "test/fixtures/specs/hey-api/full-3.1.yaml",
  ],
  ["apifox quirks (no components)", "test/fixtures/specs/apifox-quirks.apifox.yaml"],
  ["fal's seedream schema", "test/fixtures/fal/seedream-v4-text-to-image.openapi.json"],
  ["examples that hold a $ref (DigitalOcean's)", "test/fixtures/specs/example-refs/spec.yaml"],
];

function contractOf(file: string): JsonObject | undefined {
  const path = join(repoRoot, file);
  const spec = { name: basename(path), text: readFileSync(path, "utf8"), id: path };
  return buildContract(spec, [], { reader: diskReader(dirname(path), basename) }).document;
}

describe("openapi-typescript's AST without its Redocly passes", () => {
  it.each(SPECS)("prints the bytes openapiTS prints: %s", async (name, file) => {
    const document = contractOf(file);
    expect(document, name).toBeDefined();
    const copy = () =>
      dropExamplesHoldingRefs(structuredClone(document!) as JsonObject) as unknown as OpenAPI3;
    const direct = astToString(openapiTypes(copy()));
    expect(direct.length).toBeGreaterThan(100);
    expect(direct).toBe(astToString(await openapiTS(copy(), OPENAPI_TS_OPTIONS)));
  });
});
