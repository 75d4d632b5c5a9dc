import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildContract } from "../../../scripts/lib/build-contract.js";
import type { JsonObject } from "../../../scripts/lib/openapi-walk.js";
import { validate } from "../../../src/validate/validate.js";
import { generateText } from "../../helpers/generate-text.js";

const spec = (operation: object, extra: object = {}) => ({
  openapi: "3.0.1",
  info: { title: "t", version: "1" },
  servers: [{ url: "https://api.example.com" }],
  paths: {
    "/tasks/{id}": {
      get: { ...operation, responses: { "200": { description: "ok" } } },
    },
  },
  ...extra,
});

const contractOf = (document: object) =>
  buildContract({ name: "spec.json", text: JSON.stringify(document) });

function parametersOf(document: JsonObject | undefined): JsonObject[] {
  return (document as any).paths["/tasks/{id}"].get.parameters;
}

describe("query, path and header parameters get the prose inference body fields get", () => {
  it("reads each parameter's own description into its schema", () => {
    const { document } = contractOf(
      spec({
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string" } },
          {
            name: "limit",
            in: "query",
            description: "count, range: 1-50, default: 20",
            schema: { type: "integer" },
          },
          {
            name: "X-Format",
            in: "header",
            description: 'formats: "jpeg", "png"',
            schema: { type: "string" },
          },
        ],
      }),
    );
    const [, limit, format] = parametersOf(document);
    expect(limit!.schema).toMatchObject({ minimum: 1, maximum: 50, default: 20 });
    expect(format!.schema).toMatchObject({ enum: ["jpeg", "png"] });
  });

  it("reads parameters shared by a path item and those of components", () => {
    const document = spec(
      { parameters: [{ $ref: "#/components/parameters/Page" }] },
      {
        components: {
          parameters: {
            Page: {
              name: "page",
              in: "query",
              description: "range: 1-9",
              schema: { type: "integer" },
            },
          },
        },
      },
    ) as any;
    document.paths["/tasks/{id}"].parameters = [
      {
        name: "id",
        in: "path",
        required: true,
        description: "range: 1-4",
        schema: { type: "integer" },
      },
    ];
    const result = contractOf(document).document as any;
    expect(result.paths["/tasks/{id}"].parameters[0].schema).toMatchObject({
      minimum: 1,
      maximum: 4,
    });
    expect(result.components.parameters.Page.schema).toMatchObject({ minimum: 1, maximum: 9 });
  });

  it("holds back what the parameter's own example contradicts, as for body fields", () => {
    const { document, diagnostics } = contractOf(
      spec({
        parameters: [
          {
            name: "limit",
            in: "query",
            description: "range: 1-4",
            example: 9,
            schema: { type: "integer" },
          },
        ],
      }),
    );
    expect(parametersOf(document)[0]!.schema).not.toHaveProperty("maximum");
    expect(parametersOf(document)[0]!.schema).toMatchObject({ minimum: 1 });
    expect(diagnostics.map((d) => d.code)).toContain("inferred-held-back");
  });

  it("prefers the schema's own description and reads the parameter's only without one", () => {
    const { document } = contractOf(
      spec({
        parameters: [
          {
            name: "limit",
            in: "query",
            description: "range: 1-50",
            schema: { type: "integer", description: "range: 1-8" },
          },
        ],
      }),
    );
    expect(parametersOf(document)[0]!.schema).toMatchObject({ minimum: 1, maximum: 8 });
  });

  it("puts the constraints into the generated table the client validates against", async () => {
    const { folder } = await generateText(
      JSON.stringify(
        spec({
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string" } },
            { name: "limit", in: "query", description: "range: 1-50", schema: { type: "integer" } },
          ],
        }),
      ),
      "spec.json",
    );
    const table = readFileSync(join(folder!, "operations.gen.ts"), "utf8");
    expect(table).toMatch(/name: "limit",[\s\S]*?minimum: 1,[\s\S]*?maximum: 50/);
    const { operationTable } = await import(join(folder!, "operations.gen.ts"));
    const limit = Object.values(operationTable as Record<string, any>)[0].parameters.find(
      (p: { name: string }) => p.name === "limit",
    );
    expect(validate(51, limit.schema).map((issue) => issue.message)).toEqual([
      expect.stringMatching(/50/),
    ]);
    expect(validate(50, limit.schema)).toEqual([]);
  });
});
