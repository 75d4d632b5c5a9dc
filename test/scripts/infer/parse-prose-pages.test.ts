/**
 * The phrasings real pages use, each with a text copied from a real page: the vendor's two
 * editions (test/fixtures/vendor-pages), other vendors' apifox pages (test/fixtures/other-vendors)
 * and the prose corpus (test/fixtures/prose-corpus); the few from elsewhere name their source.
 */
import { describe, expect, it } from "vitest";
import { inferConstraints } from "../../../scripts/lib/infer/infer-constraints.js";
import { parseProse } from "../../../scripts/lib/infer/parse-prose.js";
import type { JsonObject } from "../../../scripts/lib/openapi-walk.js";
import { collector } from "../../helpers/diagnostics.js";

/** What inference applies to a property of `type` described by `description`. */
function applied(type: string, description: string): JsonObject {
  const schema: JsonObject = { type, description };
  inferConstraints({ components: { schemas: { P: schema } } }, collector());
  const { type: _type, description: _description, ...rest } = schema;
  delete rest["x-inferred-from"];
  delete rest["x-inferred-keywords"];
  return rest;
}

describe("parseProse reads full-width punctuation anywhere", () => {
  it.each([
    // anyapi fal/veo3-image-to-video: full-width colons inside the ratios, 、 between them.
    ['尺寸，枚举值：16：9、9：16、auto，默认值： "auto"', ["16:9", "9:16", "auto"], "auto"],
    // anyapi fal/kling-video-v2.5-turbo-text-to-video: full-width commas.
    ["视频比例，枚举值：16：9，9：16，1：1", ["16:9", "9:16", "1:1"], undefined],
    // anyapi kling/image/图像生成: a legend in full-width parentheses after each value.
    [
      "图片参考类型\n枚举值：subject（角色特征参考）, face（人物长相参考）\n使用face（人物长相参考）时，上传图片需仅含1张人脸。",
      ["subject", "face"],
      undefined,
    ],
  ])("%j", (text, values, fallback) => {
    const found = parseProse(text);
    expect(found.enum).toEqual(values);
    expect(found.default).toBe(fallback);
  });

  it("reads a bound in full-width parentheses and a default in 【】", () => {
    // other-vendors relay-3868318-api-309502688.
    expect(applied("integer", "生成图片数量（最大4）。默认 1。")).toEqual({
      maximum: 4,
      default: 1,
    });
    // A PHP doc comment (workplace code index, id 1799165144).
    expect(parseProse("商家ID 默认值【0】表示与商家无关，如现金分期时，默认值0").default).toBe("0");
  });
});

describe("parseProse reads a marker followed by a bracketed list", () => {
  it.each([
    // chainhub api-352567449 (veo3, English edition).
    [
      'The aspect ratio of the generated video. If set to 1:1, the video will be drawn outside the aspect ratio. Default: "16:9", range [16:9, 9:16, 1:1]',
      ["16:9", "9:16", "1:1"],
      "16:9",
    ],
    // anyapi fal/veo3: 范围值 and a full-width comma inside the brackets.
    ['生成视频的分辨率默认值："720p"  范围值[720p，1080p]', ["720p", "1080p"], "720p"],
    [
      'The default resolution for generated videos is "720p". The range is [720p, 1080p].',
      ["720p", "1080p"],
      "720p",
    ],
  ])("values that are not two numbers are an enum: %j", (text, values, fallback) => {
    expect(parseProse(text)).toMatchObject({ enum: values, default: fallback });
  });

  it("reads two numbers in brackets as a range", () => {
    // anyapi kling/image/图像生成.
    expect(applied("integer", "生成图片数量\n取值范围：[1,9]")).toEqual({ minimum: 1, maximum: 9 });
  });
});

describe("parseProse reads lists after the words pages introduce them with", () => {
  it.each([
    // chainhub api-349238066.
    ["Supported output image formats: jpeg, png", ["jpeg", "png"]],
    // chainhub api-326441625.
    [
      'Generation speed. The higher the speed, the faster the generation. Default: "regular". Supported: default, none, regular, high.',
      ["default", "none", "regular", "high"],
    ],
    // anyapi vidu/创建文生视频任务.
    [
      "风格\n默认 general，可选值：general、anime\ngeneral：通用风格，可以通过提示词来控制风格",
      ["general", "anime"],
    ],
    // anyapi fal/flux-1-dev.
    [
      '生成速度。速度越高，生成速度越快。默认值："regular" 。支持：default、none、regular、high',
      ["default", "none", "regular", "high"],
    ],
    // anyapi chat/chatgpt/audio/创建语音tts.
    [
      "生成音频时使用的语音。支持的语音有:alloy、echo、fable、onyx、nova 和 shimmer。",
      ["alloy", "echo", "fable", "onyx", "nova", "shimmer"],
    ],
    // chainhub api-355333276.
    ["The generated video duration has the following enumeration values: 5 and 10.", ["5", "10"]],
    // anyapi kling/video/文生视频: a new clause follows with no punctuation.
    ["生成视频时是否同时生成声音枚举值：on，off仅V2.6及后续版本模型支持当前参数", ["on", "off"]],
    // anyapi minimax/文生图生视频: a remark in brackets after each value.
    [
      "频分辨率。可选值：720P（其他模型默认）, 768P（Hailuo 系列默认）, 1080P（仅支持 6 秒）",
      ["720P", "768P", "1080P"],
    ],
    // chainhub api-363028872: "only supports".
    [
      "-ALL model available parameters Style only supports: thanksgiving, comic, news, selfie, nostalgic, anime",
      ["thanksgiving", "comic", "news", "selfie", "nostalgic", "anime"],
    ],
  ])("%j", (text, values) => {
    expect(parseProse(text).enum).toEqual(values);
  });

  it.each([
    // chainhub api-248983692: "options include"; the default follows another clause.
    [
      "Model selection: options include chirp-v3-0 and chirp-v3-5; the default is chirp-v3-0.",
      ["chirp-v3-0", "chirp-v3-5"],
      "chirp-v3-0",
    ],
    // anyapi suno/生成歌曲-灵感模式: 可选 with no colon.
    [
      "模型选择，可选 chirp-v3-0、chirp-v3-5，默认为 chirp-v3-0",
      ["chirp-v3-0", "chirp-v3-5"],
      "chirp-v3-0",
    ],
    // other-vendors relay-3868318-api-485030908: "X or Y", then 默认X with no colon.
    ['"url" or "b64_json". 默认 b64_json', ["url", "b64_json"], "b64_json"],
    // anyapi video/luma/提交生成视频任务: 或者, and a default glued to the list.
    ["720p或者1080p默认720p\n", ["720p", "1080p"], "720p"],
  ])("and the default beside them: %j", (text, values, fallback) => {
    expect(parseProse(text)).toMatchObject({ enum: values, default: fallback });
  });

  it.each([
    // anyapi vidu/创建文生视频任务: one value per line after 可选项为, then the default.
    [
      "水印位置，表示水印出现在图片的位置，可选项为：\n1：左上角\n2：右上角\n3：右下角\n4：左下角\n默认为：3",
      ["1", "2", "3", "4"],
      "3",
    ],
    // anyapi vidu: bullets after the marker.
    [
      "错峰模式，默认为：false，可选值：\n- true：错峰生成视频；\n- false：即时生成视频；\n注1：错峰模式消耗的积分更低",
      ["true", "false"],
      "false",
    ],
    // chainhub api-399032083 (Tencent VOD).
    [
      "Storage mode. Possible values:\nPermanent: Permanent storage. The generated image files will be stored on VOD.\nTemporary: Temporary storage.\nDefault value: Temporary",
      ["Permanent", "Temporary"],
      "Temporary",
    ],
    // chainhub api-347961511: a line that announces the values below it.
    [
      "Specify the return format of the generated image. Default is url.\nThe generated image is in jpeg format, and the following two return methods are supported:\nurl: Return a download link for the image.\nb64_json: Return the image data as a Base64-encoded JSON string.",
      ["url", "b64_json"],
      "url",
    ],
  ])("one value per line: %j", (text, values, fallback) => {
    expect(parseProse(text)).toMatchObject({ enum: values, default: fallback });
  });

  it("reads value legends, one per line", () => {
    // anyapi video/sora/创建视频-sora-2.
    expect(parseProse("portrait 竖屏\nlandscape 横屏\n").enum).toEqual(["portrait", "landscape"]);
  });

  it("refuses a list of lines that is not all values", () => {
    // chainhub api-399032083: "Vidu;" is no value line, and the text's own example is GV.
    expect(
      parseProse("Model name. Values:\nHailuo: Sea snail;\nKling: Kling;\nVidu;\nExample value: GV")
        .enum,
    ).toBeUndefined();
  });
});

describe("parseProse reads a slash list or a single value after an explicit marker", () => {
  it.each([
    // anyapi image/ideogram/ideogram文生图.
    ["是否使用MagicPrompt (可选) 可选值:AUTO/ON/OFF", ["AUTO", "ON", "OFF"]],
    // anyapi video/luma/提交生成视频任务.
    ["时长只支持5s\n", ["5s"]],
    // anyapi kling/video/文生视频.
    ["分镜方式\n枚举值：customize\n当multi_shot参数为true时，当前参数必填 ", ["customize"]],
    // other-vendors zhizhuip: HTML in the description.
    ["流量是否限时:0=永久,1=期限<b>此处固定为：1</b>", ["1"]],
    // other-vendors relay-3868318-api-485030908: the whole description, joined by a backslash.
    ["png\\jpg", ["png", "jpg"]],
  ])("%j", (text, values) => {
    expect(parseProse(text).enum).toEqual(values);
  });

  it("reads no single value where the subject is the parameter, or only today", () => {
    // anyapi image/flux/flux创建 and the prose corpus (docs.jiekou.ai).
    expect(
      parseProse(
        "将生成的图像的质量。`hd`创建具有更精细细节和更高一致性的图像。此参数仅支持`dall-e-3`.",
      ).enum,
    ).toBeUndefined();
    expect(parseProse("用于图像生成的模型。目前仅支持 gpt-image-1。").enum).toBeUndefined();
  });
});

describe("parseProse reads defaults however they are said", () => {
  it.each([
    // chainhub api-333400155: "The default X is Y".
    [
      "Limits the verbosity of the model's response. The currently supported values are low, medium, and high. The default value is medium.",
      "medium",
    ],
    // chainhub api-352567449: a longer clause before "is", a quoted literal.
    ['The default value for the generated video duration (in seconds) is "8s".', "8s"],
    // "By default it's X": a Lua config comment (workplace code index, id 8847143758).
    [
      "Guided missile stuff. This still needs a crapload of improvements, so by default it's off.",
      "off",
    ],
    // anyapi image/ideogram: 默认X with no colon.
    ["使用的模型 (可选) 默认V_2,可选值:V_1/V_1_TURBO/V_2/V_2_TURBO", "V_2"],
    // anyapi kling/audio/视频生音效: the default named after its value's legend.
    [
      "是否开启ASMR模式；该模式会增强细节音效, 适合高沉浸内容场景 true表示开启，false表示关闭（默认值）",
      "false",
    ],
    // chainhub api-326441625 and anyapi fal/flux-1-dev: a default followed by another clause.
    [
      "Size of the generated image. Default: landscape_4_3 Range (3:4, 4:3, 16:9, 9:16)",
      "landscape_4_3",
    ],
    ["生成图像的大小。默认值：landscape_4_3 范围（3：4、4：3、16：9、9：16）", "landscape_4_3"],
  ])("%j", (text, fallback) => {
    expect(parseProse(text).default).toBe(fallback);
  });

  it("keeps the default and drops a list that leaves it out", () => {
    expect(
      parseProse("生成图像的大小。默认值：landscape_4_3 范围（3：4、4：3、16：9、9：16）").enum,
    ).toBeUndefined();
    // anyapi fal/flux-1-dev: the list spells its own default otherwise.
    expect(parseProse('生成图片的格式。默认值："jpeg"  .支持的格式default、JPEG、png')).toEqual({
      default: "jpeg",
    });
  });

  it("reads no default that names the value in Chinese", () => {
    // anyapi suno/生成歌曲-续写模式: the page's example sends "extend".
    expect(parseProse("任务类型，默认“续写”").default).toBeUndefined();
  });
});

describe("inference reads lengths, steps and ranges", () => {
  it.each([
    // chainhub api-386060323.
    ["Positive text prompts cannot exceed 2500 characters.", 2500],
    // anyapi kling/video/文生视频.
    ["正向文本提示词不能超过2500个字符", 2500],
    // anyapi vidu/创建文生视频任务.
    ["文本提示词\n生成视频的文本描述。\n注：字符长度不能超过 2000 个字符", 2000],
    // chainhub api-399032083.
    [
      "Source context, used to pass through user request information. The audio/video quality regeneration completion callback will return this field value, with a maximum length of 1000 characters.",
      1000,
    ],
  ])("maxLength from %j", (text, max) => {
    expect(applied("string", text)).toEqual({ maxLength: max });
  });

  it("reads a step in English and in Chinese", () => {
    // The prose corpus (DigitalOcean, MySQL advanced config).
    expect(
      applied(
        "integer",
        "Start sizes of connection buffer and result buffer, must be multiple of 1024. Changing this parameter will lead to a restart of the MySQL service.",
      ),
    ).toEqual({ multipleOf: 1024 });
    // A VB error message (workplace code index, id 71649687392).
    expect(parseProse("轮廓数据长度非法，应为3的倍数").multipleOf).toBe("3");
  });

  it.each([
    // other-vendors relay-3868318-api-309292279: 取值1-4.
    ["生成图片数量，取值1-4，默认1", { minimum: 1, maximum: 4, default: 1 }],
    // anyapi image/gpt-image/创建gpt-image-1.
    ["要生成的图像数。必须介于 1 和 10 之间。", { minimum: 1, maximum: 10 }],
    // The prose corpus (DigitalOcean).
    ["A unique name for the connection pool. Must be between 3 and 60 characters.", undefined],
    // anyapi fal/seedream-v4-edit: a span that is all a label introduces.
    ["生成图片数量：1-6", { minimum: 1, maximum: 6 }],
    // anyapi fal/flux-1-dev-image-to-image: 范围值 with no colon.
    ["生成的图像数量。默认值：1   范围值1-4", { default: 1, minimum: 1, maximum: 4 }],
    // A C# validation message (workplace code index, id 29561193712): "100,000" is one number.
    [
      "You can buy maximum of 100,000 shares in single order. Minimum is 1.",
      { minimum: 1, maximum: 100000 },
    ],
  ])("ranges from %j", (text, expected) => {
    if (expected) expect(applied("integer", text)).toEqual(expected);
    else expect(applied("string", text)).toEqual({ minLength: 3, maxLength: 60 });
  });

  it("reads a span with a sign glued to it after a default", () => {
    // anyapi chat/chatgpt/chat/创建聊天补全-非流.
    expect(
      applied(
        "number",
        "默认为 0 -2.0 到 2.0 之间的数字。正值根据文本目前的存在频率惩罚新标记,降低模型重复相同行的可能性。",
      ),
    ).toEqual({ default: 0, minimum: -2, maximum: 2 });
  });
});

describe("advice is not a limit, and a measure of something else is not the field's bound", () => {
  it.each([
    // anyapi video/doubao/文生视频.
    [
      "输入给模型的文本内容，描述期望生成的视频，包括：\n文本提示词（必填）：支持中英文。建议不超过500字。字数过多信息容易分散，模型可能因此忽略细节，只关注重点，造成视频缺失部分元素。",
    ],
    // chainhub api-347961511.
    [
      "Prompt for image generation, supports Chinese and English.\nIt is recommended not to exceed 300 Chinese characters or 600 English words.",
    ],
    // other-vendors relay-3868318-api-374618722: the span between two timestamps.
    ["单位秒，例如 ‘1,2’ 是指视频的1～2秒中出现的角色，注意范围差值最大 3 秒最小 1 秒\n"],
    // chainhub api-393212449: the audio's duration, on a link.
    [
      "Audio data file download link\nSupports .mp3/.wav/.mp4/.mov audio and video files\nThe audio must be clean and free of background noise, containing only one type of vocal, and last for at least 5 seconds and no more than 30 seconds.",
    ],
  ])("applies nothing from %j", (text) => {
    expect(applied("string", text)).toEqual({});
  });

  it("advice never contests a hard bound in the same text", () => {
    // anyapi chat/chatgpt/chat/创建聊天补全-非流 (通常建议 is about another field).
    expect(
      applied(
        "integer",
        "使用什么采样温度，介于 0 和 2 之间。较高的值（如 0.8）将使输出更加随机，而较低的值（如 0.2）将使输出更加集中和确定。  我们通常建议改变这个或`top_p`但不是两者。",
      ),
    ).toEqual({ minimum: 0, maximum: 2 });
    // anyapi video/sora/创建视频-sora-2: 一般 hedges.
    expect(parseProse("small 一般720p")).toEqual({});
  });

  it("keeps the length and leaves out a count of something else", () => {
    // anyapi kling/video/图生视频.
    expect(
      applied(
        "string",
        "正向文本提示词不能超过2500个字符\n用<<<voice_1>>>来指定音色，序号同voice_list参数所引用音色的排列顺序\n一次视频生成任务至多引用2个音色；指定音色时，sound参数值必须为on语法结构越简单越好，",
      ),
    ).toEqual({ maxLength: 2500 });
    // anyapi kling/other/对口型: "至少重合2秒时长" measures an overlap.
    expect(
      applied(
        "integer",
        "裁剪后音频插入时间 插入音频的时间范围与该人脸可对口型时间区间至少重合2秒时长 插入音频的开始时间不得早于视频开始时间，插入音频的结束时间不得晚于视频结束时间",
      ),
    ).toEqual({});
  });

  it("reads a bound on the list, not on each of its items", () => {
    // anyapi kling/video/文生视频.
    expect(
      applied(
        "array",
        "各分镜信息，如提示词、时长等\n● 通过index、prompt、duration参数定义分镜序号及相应提示词和时长，其中：\n\t○ 最多支持6个分镜，最小支持1个分镜\n\t○ 每个分镜相关内容的最大长度不超过512\n\t○ 每个分镜的时长不大于当前任务的总时长，不小于1\n\t○ 所有分镜的时长之和等于当前任务的总时长",
      ),
    ).toEqual({ minItems: 1, maxItems: 6 });
  });
});
