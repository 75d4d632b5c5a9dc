import { describe, expect, it } from "vitest";
import { buildContract } from "../../../scripts/lib/build-contract.js";

const contract = (text: string) => buildContract({ name: "spec.yaml", text });
const codes = (text: string) => contract(text).diagnostics.map((d) => `${d.severity}:${d.code}`);

describe("which documents the generator takes", () => {
  it.each([
    ["OpenAPI 3.0.3", 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\n'],
    ["OpenAPI 3.1.0", 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\n'],
    [
      '"3.0" without a patch version',
      'openapi: "3.0"\ninfo: {title: t, version: "1"}\npaths: {}\n',
    ],
    ["JSON", '{"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}}'],
    [
      "3.1 with components only (no paths)",
      'openapi: 3.1.0\ninfo: {title: t, version: "1"}\ncomponents: {schemas: {A: {type: [string, "null"]}}}\n',
    ],
  ])("takes %s", (_name, text) => {
    const result = contract(text);
    expect(result.document).toBeDefined();
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("says how to convert a Swagger 2.0 document instead of failing on it", () => {
    const result = contract('swagger: "2.0"\ninfo: {title: t, version: "1"}\npaths: {}\n');
    expect(result.document).toBeUndefined();
    expect(result.diagnostics[0]).toMatchObject({
      code: "swagger-2",
      location: { file: "spec.yaml", line: 1 },
    });
    expect(result.diagnostics[0]!.message).toMatch(/npx swagger2openapi/);
  });

  it("refuses other versions with a located error", () => {
    expect(codes('openapi: 4.0.0\ninfo: {title: t, version: "1"}\npaths: {}\n')).toEqual([
      "error:not-openapi-3",
    ]);
  });

  it("warns about a 3.0 document without paths and generates its components", () => {
    expect(codes('openapi: 3.0.3\ninfo: {title: t, version: "1"}\n')).toContain("warning:no-paths");
  });

  it("says a spec that refers to other files needs file access when none is given", () => {
    const result = contract(
      'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    A:\n      $ref: other.yaml\n',
    );
    expect(result.diagnostics.map((d) => d.message)).toContainEqual(
      expect.stringMatching(/other\.yaml: this spec refers to another file/),
    );
  });
});
