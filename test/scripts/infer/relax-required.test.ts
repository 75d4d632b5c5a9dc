import { describe, expect, it } from "vitest";
import { buildContract } from "../../../scripts/lib/build-contract.js";
import { saysOptional } from "../../../scripts/lib/infer/prose/says-optional.js";

describe("saysOptional", () => {
  it.each([
    "Optional. The seed to use.",
    "Seed (optional)",
    "This field is optional",
    "An optional parameter for the style",
    "随机种子，选填",
    "非必填，图片数量",
    "（可选）负向提示词",
  ])("hears optional in %j", (text) => expect(saysOptional(text)).toBe(true));

  it.each([
    "Optional values: low, high",
    "The prompt. Not optional",
    "This field is not optional",
    "可选值：a、b",
    "Prompt words",
  ])("does not in %j", (text) => expect(saysOptional(text)).toBe(false));
});

const spec = (example: string) => `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              required: [prompt, seed, style]
              properties:
                prompt: {type: string, description: 'Prompt words'}
                seed: {type: integer, description: 'Optional. The seed to use.'}
                style: {type: string, description: 'Style (optional)'}
${example}`;
const required = (text: string) =>
  (buildContract({ name: "s.yaml", text }).document as any).paths["/a"].post.requestBody.content[
    "application/json"
  ].schema.required;

describe("relaxing what the export over-states", () => {
  it("makes a required field optional when its prose says so and the example leaves it out", () => {
    const contract = buildContract({
      name: "s.yaml",
      text: spec("            example: {prompt: a cat, style: photo}\n"),
    });
    const schema = (contract.document as any).paths["/a"].post.requestBody.content[
      "application/json"
    ].schema;
    // style is in the example: the export's own request sends it, so it stays required.
    expect(schema.required).toEqual(["prompt", "style"]);
    const warning = contract.diagnostics.find((d) => d.code === "prose-required-relaxed");
    expect(warning?.message).toContain('"seed"');
    expect(warning?.location.line).toBe(14);
  });

  it("relaxes nothing without an example to agree with the prose", () => {
    expect(required(spec(""))).toEqual(["prompt", "seed", "style"]);
  });

  it("relaxes nothing under --no-infer", () => {
    const text = spec("            example: {prompt: a cat}\n");
    const contract = buildContract({ name: "s.yaml", text }, [], { infer: false });
    expect(
      (contract.document as any).paths["/a"].post.requestBody.content["application/json"].schema
        .required,
    ).toEqual(["prompt", "seed", "style"]);
  });
});
