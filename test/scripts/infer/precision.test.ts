import { describe, expect, it } from "vitest";
import { buildContract } from "../../../scripts/lib/build-contract.js";
import { inferConstraints } from "../../../scripts/lib/infer/infer-constraints.js";
import type { JsonObject } from "../../../scripts/lib/openapi-walk.js";
import { codes, collector } from "../../helpers/diagnostics.js";

function infer(property: JsonObject): { schema: JsonObject; codes: string[] } {
  const document = {
    paths: {
      "/x": {
        post: {
          requestBody: {
            content: {
              "application/json": { schema: { type: "object", properties: { p: property } } },
            },
          },
        },
      },
    },
  };
  const diagnostics = collector();
  inferConstraints(document, diagnostics);
  return { schema: property, codes: codes(diagnostics) };
}

describe("precision first: prose that cannot be trusted is not applied", () => {
  it("applies nothing contested when the prose disagrees with itself", () => {
    const { schema, codes } = infer({ type: "integer", description: "Count, range 1-4, max 2" });
    expect(schema).not.toHaveProperty("minimum");
    expect(schema).not.toHaveProperty("maximum");
    expect(codes).toContain("prose-range-contradiction");
  });

  it("never narrows a oneOf, anyOf or allOf with words from its description", () => {
    const oneOf = [{ type: "string", enum: ["square_hd", "square"] }, { type: "object" }];
    const { schema } = infer({
      oneOf,
      description: "Image size, one of: square_hd, square, portrait",
    });
    expect(schema).not.toHaveProperty("enum");
    expect(schema.oneOf).toBe(oneOf);
  });

  it("does not apply numbers a double cannot hold as written", () => {
    expect(
      infer({ type: "integer", description: "range: 1-123456789012345678901" }).schema,
    ).not.toHaveProperty("maximum");
    expect(
      infer({ type: "number", description: "default: 0.1234567890123456789" }).schema,
    ).not.toHaveProperty("default");
  });

  it("does not apply a negative length or count", () => {
    const { schema, codes } = infer({ type: "string", description: "range: -5 to 10 characters" });
    expect(schema).not.toHaveProperty("minLength");
    expect(codes).toContain("prose-range-negative");
  });

  it("does not apply a default outside the range the prose states", () => {
    const { schema, codes } = infer({ type: "integer", description: "range: 1-4, default: 9" });
    expect(schema).toMatchObject({ minimum: 1, maximum: 4 });
    expect(schema).not.toHaveProperty("default");
    expect(codes).toContain("prose-default-out-of-range");
  });
});

describe("x-infer: false", () => {
  const spec = `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                n: {type: integer, description: 'range: 1-4'}
                m: {type: integer, description: 'range: 1-4'}
  /b:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                n: {type: integer, description: 'range: 1-4'}
`;
  const overlay = (target: string) => ({
    name: "off.overlay.yaml",
    text: `overlay: 1.0.0\ninfo: {title: off, version: "1"}\nactions:\n  - target: "${target}"\n    update:\n      x-infer: false\n`,
  });
  const props = (doc: JsonObject, path: string) =>
    (doc as any).paths[path].post.requestBody.content["application/json"].schema.properties;

  it("in an overlay turns inference off for one field", () => {
    const doc = buildContract({ name: "s.yaml", text: spec }, [
      overlay("$.paths['/a'].post.requestBody.content['application/json'].schema.properties.n"),
    ]).document!;
    expect(props(doc, "/a").n).not.toHaveProperty("maximum");
    expect(props(doc, "/a").m).toHaveProperty("maximum", 4);
  });

  it("for a whole operation", () => {
    const doc = buildContract({ name: "s.yaml", text: spec }, [
      overlay("$.paths['/a'].post"),
    ]).document!;
    expect(props(doc, "/a").n).not.toHaveProperty("maximum");
    expect(props(doc, "/b").n).toHaveProperty("maximum", 4);
  });

  it("or for the whole spec", () => {
    const doc = buildContract({ name: "s.yaml", text: spec }, [overlay("$")]).document!;
    expect(props(doc, "/b").n).not.toHaveProperty("maximum");
  });
});

describe("generate --explain", () => {
  it("lists every inference by field: the text, what was applied, what was held back and why", async () => {
    const { explainInferences } = await import("../../../scripts/lib/infer/explain.js");
    const spec = `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                steps: {type: integer, description: 'Steps, range: 1-50'}
                size: {type: string, description: 'one of: small, large', example: medium}
                count: {type: integer, description: 'Count, range 1-4, max 2'}
`;
    const contract = buildContract({ name: "s.yaml", text: spec });
    const text = explainInferences(contract.diagnostics, contract.document);
    expect(text).toContain('text: "Steps, range: 1-50"');
    expect(text).toContain("applied: read minimum=1, maximum=50 from the description");
    expect(text).toMatch(/held back: not applying enum=\["small","large"\] .* example "medium"/);
    expect(text).toMatch(/not applied: description states bounds that disagree/);
    expect(text).toContain("3 field(s) with prose constraints.");
  });
});
