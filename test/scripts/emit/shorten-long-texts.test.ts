import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_DOC_CHARS, shortenLongTexts } from "../../../scripts/lib/emit/shorten-long-texts.js";
import { generateText } from "../../helpers/generate-text.js";

describe("very long texts reach generated code as excerpts", () => {
  it("cuts long descriptions and summaries in a copy, saying how much is left out", () => {
    const long = "a".repeat(MAX_DOC_CHARS + 5);
    const document = { info: { description: long }, x: [{ summary: long, title: long }] };
    const copy = shortenLongTexts(document) as any;
    expect(copy.info.description).toBe(
      `${"a".repeat(MAX_DOC_CHARS)}… (5 more characters in openapi.json)`,
    );
    expect(copy.x[0].summary).toHaveLength(MAX_DOC_CHARS + 37);
    expect(copy.x[0].title).toBe(long);
    expect(document.info.description).toBe(long);
  });

  it("never cuts a surrogate pair in half", () => {
    const text = "a".repeat(MAX_DOC_CHARS - 1) + "😀".repeat(10);
    const cut = (shortenLongTexts({ description: text }) as any).description as string;
    expect(cut.startsWith("a".repeat(MAX_DOC_CHARS - 1) + "…")).toBe(true);
  });

  it("returns the document itself when no text is that long", () => {
    const document = { description: "short" };
    expect(shortenLongTexts(document)).toBe(document);
  });

  it("keeps the whole text in openapi.json and an excerpt in the TypeScript", async () => {
    const description = "Long. ".repeat(100_000);
    const spec = {
      openapi: "3.0.1",
      info: { title: "t", version: "1" },
      servers: [{ url: "https://api.example.com" }],
      paths: {
        "/x": {
          post: {
            operationId: "x",
            requestBody: {
              content: {
                "application/json": {
                  schema: { type: "object", properties: { p: { type: "string", description } } },
                },
              },
            },
            responses: { "200": { description: "ok" } },
          },
        },
      },
    };
    const { folder } = await generateText(JSON.stringify(spec), "spec.json");
    const json = JSON.parse(readFileSync(join(folder!, "openapi.json"), "utf8"));
    expect(
      json.paths["/x"].post.requestBody.content["application/json"].schema.properties.p.description,
    ).toBe(description);
    for (const file of ["schema.gen.ts", "operations.gen.ts"]) {
      const code = readFileSync(join(folder!, file), "utf8");
      expect(code.length).toBeLessThan(100_000);
      expect(code).toContain("more characters in openapi.json");
    }
  });
});
