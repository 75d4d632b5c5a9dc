import { describe, expect, it } from "vitest";
import { Diagnostics } from "../../../scripts/lib/diagnostics.js";
import { parseYaml } from "../../../scripts/lib/load/parse-yaml.js";

const TEXT = [
  "paths:",
  "  /pets:",
  "    get:",
  "      responses:",
  "        '200':",
  "          description: ok",
  "",
].join("\n");

describe("parseYaml", () => {
  it.each(["eager", "lazy"] as const)(
    "locates a pointer at the line of its key, and an unknown pointer at its nearest parent (%s index)",
    (index) => {
      const parsed = parseYaml(TEXT, new Diagnostics("spec.yaml"), index)!;
      expect(parsed.locate("#/paths/~1pets/get")).toBe(3);
      expect(parsed.locate("#/paths/~1pets/get/responses/200/description")).toBe(6);
      expect(parsed.locate("#/paths/~1pets/get/parameters/0")).toBe(3);
    },
  );

  it("reports a syntax error at its line and returns nothing", () => {
    const diagnostics = new Diagnostics("spec.yaml");
    expect(parseYaml("a: 1\nb: [\n", diagnostics)).toBeUndefined();
    expect(diagnostics.errors[0]).toMatchObject({ code: "yaml-syntax" });
  });
});
