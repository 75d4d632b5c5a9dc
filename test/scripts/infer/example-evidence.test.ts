import { describe, expect, it } from "vitest";
import { buildContract } from "../../../scripts/lib/build-contract.js";
import { parseLooseJson } from "../../../scripts/lib/normalize/parse-loose-json.js";

/** An apifox-shaped export: one body schema, and `media` lines (examples) under its media type. */
const spec = (properties: string, required: string, media: string) => `openapi: 3.0.1
info: {title: t, version: "1"}
servers: [{url: "https://api.example.com"}]
paths:
  /fal-ai/x:
    post:
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: ${required}
              properties:
${properties}
${media}
      responses:
        "200": {description: ok}
`;

const PROPERTIES = `                prompt: {type: string, description: 提示词}
                num_images: {type: integer, description: "Range value: 1-4"}
                seed: {type: integer, description: "Optional. The seed to use."}`;

/** apifox's form: the JSON text in a string, with a note after a field and a trailing comma. */
const STRING_EXAMPLE = `            example: "{\\n  \\"prompt\\": \\"a cat // not a comment\\",\\n  \\"num_images\\": 8, // 数量\\n}"`;

function body(text: string) {
  const result = buildContract({ name: "spec.yaml", text });
  const media = (result.document as any).paths["/fal-ai/x"].post.requestBody.content[
    "application/json"
  ];
  return { media, schema: media.schema, diagnostics: result.diagnostics };
}

describe("a request example given as a JSON string is evidence", () => {
  it("is read as the object it shows, comments and trailing comma aside", () => {
    const { media, diagnostics } = body(spec(PROPERTIES, "[prompt, seed]", STRING_EXAMPLE));
    expect(media.example).toEqual({ prompt: "a cat // not a comment", num_images: 8 });
    expect(diagnostics.map((d) => d.code)).toContain("example-json-string");
  });

  it("holds back the inferred bound it contradicts", () => {
    const { schema, diagnostics } = body(spec(PROPERTIES, "[prompt, seed]", STRING_EXAMPLE));
    expect(schema.properties.num_images).toMatchObject({ minimum: 1 });
    expect(schema.properties.num_images).not.toHaveProperty("maximum");
    expect(diagnostics.map((d) => d.code)).toContain("inferred-held-back");
  });

  it("relaxes a field it leaves out that the prose calls optional", () => {
    const { schema } = body(spec(PROPERTIES, "[prompt, seed]", STRING_EXAMPLE));
    expect(schema.required).toEqual(["prompt"]);
  });

  it("is read in the named examples form too", () => {
    const named = `            examples:\n              "1":\n                summary: 示例\n                value: "{\\"prompt\\": \\"x\\", /* 张数 */ \\"num_images\\": 9}"`;
    const { media, schema } = body(spec(PROPERTIES, "[prompt, seed]", named));
    expect(media.examples["1"].value).toEqual({ prompt: "x", num_images: 9 });
    expect(schema.properties.num_images).not.toHaveProperty("maximum");
    expect(schema.required).toEqual(["prompt"]);
  });

  it("does not read a string that is not JSON, and relaxes nothing on it", () => {
    const { schema, diagnostics } = body(
      spec(PROPERTIES, "[prompt, seed]", `            example: "{prompt: a cat}"`),
    );
    expect(diagnostics.map((d) => d.code)).not.toContain("example-json-string");
    expect(schema.required).toEqual(["prompt", "seed"]);
  });
});

describe("optional in the prose relaxes nested fields too", () => {
  const NESTED = `                prompt: {type: string}
                options:
                  type: object
                  required: [quality, seed]
                  properties:
                    quality: {type: string, description: 画质}
                    seed: {type: integer, description: （可选）随机种子}`;

  it("relaxes a nested field the examples holding its object leave out", () => {
    const { schema, diagnostics } = body(
      spec(NESTED, "[prompt]", `            example: {prompt: a, options: {quality: high}}`),
    );
    expect(schema.properties.options.required).toEqual(["quality"]);
    expect(diagnostics.find((d) => d.code === "prose-required-relaxed")?.location.pointer).toBe(
      "#/paths/~1fal-ai~1x/post/requestBody/content/application~1json/schema/properties/options/properties/seed/description",
    );
  });

  it("takes an example without the object as no evidence about its fields", () => {
    const { schema } = body(spec(NESTED, "[prompt]", `            example: {prompt: a}`));
    expect(schema.properties.options.required).toEqual(["quality", "seed"]);
  });
});

describe("a required field with a default", () => {
  it("is a warning naming both, and stays required", () => {
    const properties = `                prompt: {type: string}
                steps: {type: integer, default: 28}`;
    const { schema, diagnostics } = body(spec(properties, "[prompt, steps]", ""));
    expect(schema.required).toEqual(["prompt", "steps"]);
    const warning = diagnostics.find((d) => d.code === "required-with-default");
    expect(warning).toMatchObject({ severity: "warning" });
    expect(warning!.message).toMatch(/"steps" is required and has the default 28/);
  });

  it("names a default read from the description as such", () => {
    const properties = `                steps: {type: integer, description: "default: 28"}`;
    const { diagnostics } = body(spec(properties, "[steps]", ""));
    expect(diagnostics.find((d) => d.code === "required-with-default")?.message).toMatch(
      /default 28 \(read from its description\)/,
    );
  });
});

describe("parseLooseJson", () => {
  it.each([
    ['{"a": 1, // note\n "b": [1, 2,],\n}', { a: 1, b: [1, 2] }],
    ['{"u": "https://x.y/z", /* c */ "s": "a,]"}', { u: "https://x.y/z", s: "a,]" }],
    ['{"q": "say \\"hi\\" // twice"}', { q: 'say "hi" // twice' }],
  ])("reads %j", (text, value) => expect(parseLooseJson(text)).toEqual(value));

  it.each([
    ["an unclosed string", '{"a": "b}'],
    ["an unclosed comment", '{"a": 1 /* x }'],
    ["a bare word", "{a: 1}"],
    ["text over the example size limit", `{"a": "${"x".repeat(70_000)}"}`],
  ])("reads nothing from %s", (_name, text) => expect(parseLooseJson(text)).toBeUndefined());
});
