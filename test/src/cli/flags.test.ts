import { describe, expect, it } from "vitest";
import { operationTable } from "../../fixtures/seed/generated/index.gen.js";
import { bodyFromFlags, flagHelp, flagsFor, tokenize } from "../../../src/cli/flags.js";

const specs = flagsFor(operationTable.falAiFluxProKontextMax, new Set(["--out", "--json"]));
const switches = new Set(
  specs.filter((s) => s.schema.type === "boolean").flatMap((s) => [s.flag, ...s.aliases]),
);
const parse = (...argv: string[]) => bodyFromFlags(tokenize(argv, switches).values, specs);

describe("flags generated from the operation schema", () => {
  it("name every property in kebab case, with fal-style short aliases", () => {
    expect(specs.map((s) => [s.flag, ...s.aliases].join(" "))).toEqual([
      "--prompt",
      "--seed",
      "--guidance-scale",
      "--sync-mode",
      "--num-images",
      "--safety-tolerance",
      "--output-format --format",
      "--aspect-ratio",
      "--image-url --image",
      "--enhance-prompt",
    ]);
  });

  it("turn values into the schema's types", () => {
    expect(
      parse(
        "--prompt",
        "p",
        "--seed=42",
        "--guidance-scale",
        "2.5",
        "--sync-mode",
        "--no-enhance-prompt",
        "--format",
        "png",
        "--image",
        "./a.png",
      ),
    ).toEqual({
      prompt: "p",
      seed: 42,
      guidance_scale: 2.5,
      sync_mode: true,
      enhance_prompt: false,
      output_format: "png",
      image_url: "./a.png",
    });
  });

  it.each([
    [
      ["--aspect-ratio", "5:4"],
      '--aspect-ratio must be one of 21:9, 16:9, 4:3, 3:2, 1:1, 2:3, 3:4, 9:16, 9:21; got "5:4"',
    ],
    [["--format", "gif"], '--format must be one of jpeg, png; got "gif"'],
    [["--num-images", "9"], "--num-images must be between 1 and 4, got 9"],
    [["--num-images", "two"], '--num-images must be a whole number (between 1 and 4), got "two"'],
    [["--guidance-scale", "0.5"], "--guidance-scale must be between 1 and 20, got 0.5"],
    [["--seed", "1.5"], '--seed must be a whole number, got "1.5"'],
    [["--safety-tolerance", "7"], '--safety-tolerance must be one of 1, 2, 3, 4, 5, 6; got "7"'],
    [
      ["--sync-mode=maybe"],
      '--sync-mode is a switch: use --sync-mode or --no-sync-mode, got "maybe"',
    ],
  ])("reject %j naming the flag and what it allows", (argv, message) => {
    expect(() => parse(...argv)).toThrow(message);
  });

  it("need a value after a value flag", () => {
    expect(() => tokenize(["--prompt"], switches)).toThrow("--prompt needs a value");
  });

  it("document ranges, defaults and allowed values in --help", () => {
    const help = flagHelp(specs);
    expect(help).toContain("--num-images <integer>");
    expect(help).toContain("between 1 and 4; default 1");
    expect(help).toContain("--output-format, --format <jpeg|png>");
    expect(help).toMatch(/--prompt <string> +The prompt to generate an image from\. \(required\)/);
  });
});
