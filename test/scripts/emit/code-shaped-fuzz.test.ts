/**
 * Property-based: no combination of code-shaped strings in a spec (descriptions, property
 * names, enum values, defaults, operationIds, summaries, paths) breaks the formatter or the
 * generated code. Each generated spec either generates or fails with located user errors, and
 * everything generated type-checks under --strict (one compiler run for all of them).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateText } from "../../helpers/generate-text.js";
import { codeShapedSpec } from "../../helpers/code-shaped-spec.js";
import { typecheckStrict } from "../../helpers/typecheck.js";

/** Once `internal error: Expression expected`: ts-morph misread `"\\"` and unbalanced a comment. */
const FOUND_BEFORE = {
  openapi: "3.0.1",
  info: { title: "/**", version: "1" },
  servers: [{ url: "https://api.example.com" }],
  paths: {
    "/fal-ai/\\": {
      post: {
        operationId: "",
        summary: "/**",
        requestBody: {
          required: true,
          content: { "application/json": { schema: { type: "object", properties: {} } } },
        },
        responses: { "200": { description: "/**" } },
      },
    },
  },
};

describe("code-shaped strings anywhere in a spec", () => {
  const folders: string[] = [];
  let generated = 0;
  let refused = 0;

  const generateOrRefuse = async (spec: object) => {
    const { folder, diagnostics } = await generateText(JSON.stringify(spec), "fuzz.json");
    if (folder) {
      folders.push(folder);
      generated++;
      return;
    }
    refused++;
    const errors = diagnostics.filter((d) => d.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      // A user error names where in the spec it is; an internal one would have thrown.
      expect(error.location.pointer ?? error.location.line, error.message).toBeDefined();
    }
  };

  it("generate, or fail with located user errors, never an internal error", async () => {
    await generateOrRefuse(FOUND_BEFORE);
    await fc.assert(fc.asyncProperty(codeShapedSpec, generateOrRefuse), {
      numRuns: 12,
      seed: 2_028,
    });
    // The property tests generation, not refusal: most specs must get through.
    expect(generated).toBeGreaterThan(refused);
  }, 120_000);

  it("and what is generated type-checks under --strict", () => {
    expect(folders.length).toBeGreaterThan(0);
    expect(typecheckStrict(folders)).toEqual({ output: "", status: 0 });
  }, 120_000);
});
