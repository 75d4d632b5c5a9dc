import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generateText } from "../../helpers/generate-text.js";
import { repoRoot } from "../../helpers/run-generate.js";
import { typecheckStrict } from "../../helpers/typecheck.js";

/** A one-operation spec whose request body has `properties` and whose 200 answers `response`. */
const spec = (properties: string, response = "application/json", extra = "") => `openapi: 3.0.1
info:
  title: shapes
  version: "1"
servers:
  - url: https://api.example.com
paths:
  /fal-ai/shape:
    post:
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              properties:
${properties}
      responses:
        "200":
          description: ok
          content:
            ${response}:
              schema:
                type: object
                properties:
                  url:
                    type: string
${extra}`;

const BLOCK_HEADERS = ["|", ">", "|-", ">+", "|2-", "|>-"];

/** Every shape in one spec per OpenAPI version: one generation and one compiler run each. */
const SPECS: [string, string][] = [
  [
    "apifox's 3.0 shapes: type 'null', boolean `required`, media type parameters, block headers",
    spec(
      [
        "                seed:\n                  type: 'null'\n                  example: null",
        "                prompt:\n                  type: string\n                  required: true",
        ...BLOCK_HEADERS.map(
          (header, i) =>
            `                text${i}:\n                  type: string\n                  description: ${header}\n                    Range: 1-4\n                    second: line`,
        ),
      ].join("\n"),
      "application/json; type=collection",
    ),
  ],
  [
    "3.1 type arrays and const",
    spec(
      [
        "                kind:\n                  type: [string, 'null']",
        "                n:\n                  type: [integer, string]",
        "                mode:\n                  const: fast",
      ].join("\n"),
    ).replace("3.0.1", "3.1.0"),
  ],
];

describe("every real spec shape generates code that compiles under --strict", () => {
  const folders = new Map<string, string | undefined>();
  let typecheck: { output: string; status: number | null };

  beforeAll(async () => {
    for (const [name, text] of SPECS) folders.set(name, (await generateText(text)).folder);
    const heyApi = join(repoRoot, "test/fixtures/specs/hey-api/full-3.1.yaml");
    const generated = await generateText(readFileSync(heyApi, "utf8"), "full-3.1.yaml", heyApi);
    folders.set("hey-api's full 3.1 test spec", generated.folder);
    // One compiler run for every folder: each file is still checked on its own module scope.
    typecheck = typecheckStrict([...folders.values()].filter((f) => f !== undefined));
  }, 120_000);

  it.each([...SPECS.map(([name]) => name), "hey-api's full 3.1 test spec"])(
    "generates %s",
    (name) => {
      expect(folders.get(name)).toBeDefined();
    },
  );

  it("type-checks all of them", () => {
    expect(typecheck).toEqual({ output: "", status: 0 });
  });

  it("types each shape as the spec means it", () => {
    const schema = readFileSync(join(folders.get(SPECS[0]![0])!, "schema.gen.ts"), "utf8");
    expect(schema).toMatch(/seed\?: unknown;/);
    expect(schema).toMatch(/prompt: string;/);
    expect(schema).toContain('"application/json; type=collection"');
    const v31 = readFileSync(join(folders.get(SPECS[1]![0])!, "schema.gen.ts"), "utf8");
    expect(v31).toMatch(/kind\?: string \| null;/);
    expect(v31).toMatch(/n\?: number \| string;/);
    expect(v31).toMatch(/mode\?: "fast";/);
  });
});
