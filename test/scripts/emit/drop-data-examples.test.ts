import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dropExamplesHoldingRefs } from "../../../scripts/lib/emit/drop-data-examples.js";
import { runGenerate } from "../../helpers/run-generate.js";

describe("examples that hold a $ref (data to OpenAPI)", () => {
  it("are left out of openapi-typescript's copy; every other example and real reference stays", () => {
    const document = {
      paths: {
        "/things": {
          parameters: [{ name: "q", in: "query", example: { $ref: "a.yml" } }],
          get: {
            requestBody: { content: { "application/json": { example: { id: "kept" } } } },
            responses: {
              "200": {
                content: {
                  "application/json": {
                    schema: { type: "object", example: [{ nested: { $ref: "b.yml" } }] },
                    example: { $ref: "examples.yml#/thing" },
                    examples: {
                      data: { value: { $ref: "c.yml" } },
                      reference: { $ref: "#/components/examples/real" },
                    },
                  },
                },
                headers: { "x-a": { example: "kept too" } },
              },
            },
          },
        },
      },
      components: { examples: { real: { value: { id: 1 } } } },
    };
    const kept = dropExamplesHoldingRefs(structuredClone(document));
    expect(kept).toEqual({
      paths: {
        "/things": {
          parameters: [{ name: "q", in: "query" }],
          get: {
            requestBody: { content: { "application/json": { example: { id: "kept" } } } },
            responses: {
              "200": {
                content: {
                  "application/json": {
                    schema: { type: "object" },
                    examples: { data: {}, reference: { $ref: "#/components/examples/real" } },
                  },
                },
                headers: { "x-a": { example: "kept too" } },
              },
            },
          },
        },
      },
      components: { examples: { real: { value: { id: 1 } } } },
    });
  });

  it("generate, and the contract keeps the example as the vendor wrote it", () => {
    const out = join(mkdtempSync(join(tmpdir(), "example-refs-")), "out");
    const result = runGenerate([
      "--spec",
      "test/fixtures/specs/example-refs/spec.yaml",
      "--out",
      out,
      "--quiet",
    ]);
    expect(result.stderr).not.toMatch(/internal error|Can't resolve/);
    expect(result.status).toBe(0);
    const contract = JSON.parse(readFileSync(join(out, "openapi.json"), "utf8"));
    expect(
      contract.paths["/things"].get.responses["200"].content["application/json"].example,
    ).toEqual({ $ref: "examples.yml#/thing" });
  });
});
