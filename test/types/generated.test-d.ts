import { describe, expectTypeOf, it } from "vitest";
import {
  falAiFluxProKontextMaxAspectRatioValues,
  operationTable,
  type FalAiFluxProKontextMaxAspectRatio,
  type FalAiFluxProKontextMaxInput,
  type FalAiFluxProKontextMaxOutput,
  type OperationTypes,
  type paths,
} from "../fixtures/seed/generated/index.gen.js";

const valid: FalAiFluxProKontextMaxInput = {
  prompt: "Put a donut next to the flour.",
  image_url: "https://example.test/in.png",
  output_format: "png",
  aspect_ratio: "16:9",
  safety_tolerance: "2",
  num_images: 2,
  enhance_prompt: true,
};

describe("generated types for FLUX.1 Kontext [max]", () => {
  it("accept a valid body", () => {
    expectTypeOf(valid).toEqualTypeOf<FalAiFluxProKontextMaxInput>();
  });

  it("reject values outside the enums recovered from prose and overlays", () => {
    // @ts-expect-error 5:4 is not an aspect ratio the model accepts
    const ratio: FalAiFluxProKontextMaxInput = { ...valid, aspect_ratio: "5:4" };
    // @ts-expect-error gif is not an output format
    const format: FalAiFluxProKontextMaxInput = { ...valid, output_format: "gif" };
    // @ts-expect-error safety_tolerance is the string "1".."6", not the integer the export's example shows
    const tolerance: FalAiFluxProKontextMaxInput = { ...valid, safety_tolerance: 2 };
    expectTypeOf(ratio).not.toBeAny();
    expectTypeOf(format).not.toBeAny();
    expectTypeOf(tolerance).not.toBeAny();
  });

  it("require prompt and image_url", () => {
    // @ts-expect-error prompt is required
    const noPrompt: FalAiFluxProKontextMaxInput = { image_url: "x", output_format: "jpeg" };
    expectTypeOf(noPrompt).not.toBeAny();
  });

  it("name the enum as a literal union equal to the property type, with a matching value table", () => {
    expectTypeOf<FalAiFluxProKontextMaxAspectRatio>().toEqualTypeOf<
      NonNullable<FalAiFluxProKontextMaxInput["aspect_ratio"]>
    >();
    expectTypeOf(falAiFluxProKontextMaxAspectRatioValues[0]).toEqualTypeOf<"21:9">();
    expectTypeOf<
      (typeof falAiFluxProKontextMaxAspectRatioValues)[number]
    >().toEqualTypeOf<FalAiFluxProKontextMaxAspectRatio>();
  });

  it("type the result from the overlay instead of the export's empty object", () => {
    expectTypeOf<FalAiFluxProKontextMaxOutput["images"][number]["url"]>().toEqualTypeOf<string>();
    expectTypeOf<FalAiFluxProKontextMaxOutput["has_nsfw_concepts"]>().toEqualTypeOf<boolean[]>();
    expectTypeOf<
      OperationTypes["falAiFluxProKontextMax"]["output"]
    >().toEqualTypeOf<FalAiFluxProKontextMaxOutput>();
  });

  it("make the request body required for openapi-fetch", () => {
    type Body = paths["/fal-ai/flux-pro/kontext/max"]["post"]["requestBody"];
    expectTypeOf<undefined>().not.toMatchTypeOf<Body>();
  });

  it("keep ranges and defaults as literal types in the runtime table", () => {
    const numImages = operationTable.falAiFluxProKontextMax.body.schema.properties.num_images;
    expectTypeOf(numImages.maximum).toEqualTypeOf<4>();
    expectTypeOf(numImages.default).toEqualTypeOf<1>();
  });
});

describe("defaults never make request fields required", () => {
  it("keeps fields with an explicit default optional in the input", () => {
    const minimal: FalAiFluxProKontextMaxInput = {
      prompt: "p",
      image_url: "https://example.test/in.png",
      output_format: "png",
    };
    expectTypeOf(minimal).toMatchTypeOf<FalAiFluxProKontextMaxInput>();
    expectTypeOf<undefined>().toMatchTypeOf<FalAiFluxProKontextMaxInput["guidance_scale"]>();
    expectTypeOf<undefined>().toMatchTypeOf<FalAiFluxProKontextMaxInput["num_images"]>();
    expectTypeOf<undefined>().toMatchTypeOf<FalAiFluxProKontextMaxInput["enhance_prompt"]>();
  });
});
