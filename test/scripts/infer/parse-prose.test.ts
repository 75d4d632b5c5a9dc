import { describe, expect, it } from "vitest";
import { parseProse } from "../../../scripts/lib/infer/parse-prose.js";

describe("parseProse", () => {
  it.each([
    ["Image aspect ratios, enumerated values: 21:9, 16:9, 4:3", ["21:9", "16:9", "4:3"]],
    ['Image output formats: "jpeg", "png"', ["jpeg", "png"]],
    ["Optional values: low, medium or high.", ["low", "medium", "high"]],
    ["Must be one of square, portrait, landscape", ["square", "portrait", "landscape"]],
    ["Speed mode none | regular | high", ["none", "regular", "high"]],
    ["风格，可选值：realistic、vector、icon", ["realistic", "vector", "icon"]],
    ["模式：fast、slow", ["fast", "slow"]],
    ["Model, enum: google/gemini-1.5, meta/llama-3", ["google/gemini-1.5", "meta/llama-3"]],
    ["Allowed values are 'a', 'b'. Other text here", ["a", "b"]],
  ])("reads the enum in %j", (text, expected) => {
    expect(parseProse(text).enum).toEqual(expected);
  });

  it.each([
    ["Range value: 1-20", "1", "20"],
    ["Output image count, range: 1-4", "1", "4"],
    ["between 1 and 20", "1", "20"],
    ["Duration 1~47 seconds", "1", "47"],
    ["取值范围：0.5-2.5", "0.5", "2.5"],
    ["范围[1, 10]", "1", "10"],
    ["Temperature (range -1.5 to 2.0)", "-1.5", "2.0"],
    ["from 0 to 100 percent", "0", "100"],
  ])("reads the range in %j", (text, min, max) => {
    expect(parseProse(text).range).toMatchObject({ min, max, ofLength: false });
  });

  it("reads one-sided bounds", () => {
    expect(parseProse("Minimum: 10, maximum: 200.").range).toMatchObject({ min: "10", max: "200" });
    expect(parseProse("at most 8 images").range).toEqual({ max: "8", ofLength: false });
    expect(parseProse("最小值 3").range).toEqual({ min: "3", ofLength: false });
  });

  it("knows a length range from a value range", () => {
    expect(parseProse("User prompt, 1 to 4000 characters, range 1-4000").range?.ofLength).toBe(
      true,
    );
    expect(parseProse("User prompt, 1 to 4000 characters").range).toEqual({
      min: "1",
      max: "4000",
      ofLength: true,
    });
    expect(parseProse("提示词，长度范围：1-1000").range).toEqual({
      min: "1",
      max: "1000",
      ofLength: true,
    });
  });

  it.each([
    ["Default: 28", "28"],
    ["defaults to 30", "30"],
    ["The default value is jpeg.", "jpeg"],
    ["(range 0.0-2.0, default 1.0)", "1.0"],
    ["输出格式，默认值：png", "png"],
    ["默认为 high", "high"],
    ['Default: "square_hd"', "square_hd"],
  ])("reads the default in %j", (text, expected) => {
    expect(parseProse(text).default).toBe(expected);
  });

  it.each([
    "Prompt words",
    "Synchronous mode",
    "Uses the default model when empty",
    "Fast, cheap and surprisingly good results for most prompts",
    "Official documentation:  https://fal.ai/models/fal-ai/flux-pro/kontext/max",
    "Optional. The seed to use.",
  ])("finds nothing in plain prose %j", (text) => {
    expect(parseProse(text)).toEqual({});
  });
});

describe("parseProse reads phrasings real exports use", () => {
  it.each([
    ["Number of images (1-4)", "1", "4"],
    ["Guidance scale [0.0, 1.0]", "0.0", "1.0"],
    ["取值范围1到20", "1", "20"],
    ["范围 1 至 100", "1", "100"],
    ["Strength, range from 0.1 to 0.9", "0.1", "0.9"],
    ["Exponent limit 1e-7 ~ 1e3", "1e-7", "1e3"],
  ])("the range in %j", (text, min, max) => {
    expect(parseProse(text).range).toMatchObject({ min, max });
  });

  it.each([
    ["Quality, range [low, medium, high]", ["low", "medium", "high"]],
    ["Possible values: `square_hd`, `square`", ["square_hd", "square"]],
    ["Style. Options: default, vivid, natural.", ["default", "vivid", "natural"]],
    ["Mode, one of: fast, slow, default fast", ["fast", "slow"]],
    ["Acceleration, one of none, regular, or high", ["none", "regular", "high"]],
  ])("the enum in %j", (text, expected) => {
    expect(parseProse(text).enum).toEqual(expected);
  });

  it.each([
    ["The default aspect ratio is 16:9.", "16:9"],
    ["Mode, one of: fast, slow, default fast", "fast"],
    ["默认1024", "1024"],
    ["尺寸，默认值为 1024x768", "1024x768"],
    ["(default true)", "true"],
  ])("the default in %j", (text, expected) => {
    expect(parseProse(text).default).toBe(expected);
  });
});

describe("parseProse refuses what does not read as the field's values", () => {
  it.each([
    ["The URL of the input image. Supported file types: jpg, jpeg, png, webp"],
    ['Any text, for example "cat" or "dog"'],
    ["Sort by the attributes `name` and `date`"],
    ['Placeholders: "<branch name>", "<tag name>"'],
    ["Options: fast, slow for the default mode"],
    ["可选值：支持default"],
    ["Speed | quality tradeoff, in plain words"],
  ])("no enum in %j", (text) => {
    expect(parseProse(text).enum).toBeUndefined();
  });

  it.each([
    ["Default: the repository's default branch"],
    ["Uses the default model when empty"],
    ["the default branch is used when empty"],
    ["Uses the default v2 model"],
  ])("no default in %j", (text) => {
    expect(parseProse(text).default).toBeUndefined();
  });

  it("never glues a marker word to a value", () => {
    expect(parseProse("Allowed values:`square_hd`, `portrait_4_3`").enum).toEqual([
      "square_hd",
      "portrait_4_3",
    ]);
    expect(parseProse("可选值：fast、slow").enum).toEqual(["fast", "slow"]);
  });
});

describe("parseProse on what real specs taught it (test/fixtures/prose-corpus)", () => {
  it("ignores sentences that give examples", () => {
    expect(
      parseProse("Ratio of duplicates. For example, at 0.5, at most 50% of the log is duplicates.")
        .range,
    ).toBeUndefined();
    expect(
      parseProse(
        "A slug prefix (e.g. `nyc`) works in that region's locations (`nyc1`, `nyc2`, or `nyc3`).",
      ).enum,
    ).toBeUndefined();
  });

  it("reads no range from one alternative of several", () => {
    expect(parseProse("Must be either 0 or between 5000 and 10800000.").range).toBeUndefined();
  });

  it("reads no default that holds only under a condition", () => {
    expect(parseProse("Defaults to `doadmin` when `cluster_name` is set.").default).toBeUndefined();
    expect(parseProse("Defaults to `latest` if not provided.").default).toBe("latest");
    expect(parseProse("The default value for this is 3 seconds.").default).toBeUndefined();
  });

  it("reads no enum from things a sentence names", () => {
    expect(
      parseProse("This value includes the `account_balance` and `month_to_date_usage`.").enum,
    ).toBeUndefined();
    expect(
      parseProse("Scans for these directory names: `_static`, `dist`, `public`.").enum,
    ).toBeUndefined();
    expect(parseProse("Supported tags are: `HOSTNAME`, `app-name`, `msg`.").enum).toBeUndefined();
  });

  it("reads stated lengths and value ranges", () => {
    expect(parseProse("The maximum length is 175 characters.").range).toEqual({
      max: "175",
      ofLength: true,
    });
    expect(parseProse("Up to a limit of 63 characters.").range).toMatchObject({ max: "63" });
    expect(parseProse("Valid values are are 1-3.").range).toMatchObject({ min: "1", max: "3" });
    expect(parseProse("Valid values are 1, 2").range).toBeUndefined();
  });
});

describe("parseProse on Chinese API references (test/fixtures/prose-corpus)", () => {
  it("reads through markdown emphasis and a unit before the span", () => {
    expect(parseProse("**参数解释**： 主机ID **取值范围**： 字符长度1-64位 ").range).toEqual({
      min: "1",
      max: "64",
      ofLength: true,
    });
    expect(parseProse("所需图像的文本描述,最大长度1000。").range).toEqual({
      max: "1000",
      ofLength: true,
    });
  });

  it("reads bulleted values after 取值范围", () => {
    expect(
      parseProse("**取值范围**: - effecting：学习完成，策略生效 - learned：待确认 - pause：暂停")
        .enum,
    ).toEqual(["effecting", "learned", "pause"]);
    expect(
      parseProse("**取值范围**： * ADD：增加 * DELETE：删除  **默认取值**： 不涉及").enum,
    ).toEqual(["ADD", "DELETE"]);
  });

  it("reads 默认取值 and refuses 不涉及", () => {
    expect(parseProse("**默认取值**：true").default).toBe("true");
    expect(parseProse("**默认取值**：不涉及").default).toBeUndefined();
    expect(parseProse("图片尺寸(可选,默认 square_hd)- 生成图片的尺寸").default).toBe("square_hd");
  });

  it("applies nothing from hedged prose or a condition on another field", () => {
    expect(parseProse("一般取值范围 [1, 50], 具体取值范围、默认值需见对应模型 。")).toEqual({});
    expect(
      parseProse("生成图像的质量。对于 gpt-image-1,支持的取值有:auto、high。").enum,
    ).toBeUndefined();
    expect(parseProse("For dall-e-3, must be one of 1024x1024, 1792x1024.").enum).toBeUndefined();
  });
});
