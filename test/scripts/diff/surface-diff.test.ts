import { describe, expect, it } from "vitest";
import { diffSurface } from "../../../scripts/lib/diff/surface-diff.js";
import type { JsonObject } from "../../../scripts/lib/openapi-walk.js";
import { edited } from "./pairs/pair.js";

const base: JsonObject = {
  openapi: "3.0.1",
  info: { title: "t", version: "1" },
  paths: {
    "/gen": {
      post: {
        operationId: "gen",
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["prompt"],
                properties: {
                  prompt: { type: "string" },
                  size: { type: "string", enum: ["small", "large"] },
                  seed: { type: "integer" },
                },
              },
            },
          },
        },
        responses: {
          "200": {
            description: "",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    images: {
                      type: "array",
                      items: { type: "object", properties: { url: { type: "string" } } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};
const body = (d: any) => d.paths["/gen"].post.requestBody.content["application/json"].schema;
const output = (d: any) => d.paths["/gen"].post.responses["200"].content["application/json"].schema;

describe("the generated TypeScript surface diff", () => {
  it("shows each operation's changed input and output property types", () => {
    const head = edited(base, (d) => {
      body(d).properties.seed = { type: "integer", nullable: true };
      output(d).properties.images.items.properties.url = { type: "string", nullable: true };
    });
    const changes = diffSurface(base, head).filter((c) => c.name.startsWith("POST /gen"));
    expect(changes).toEqual([
      {
        kind: "changed",
        name: "POST /gen input.seed?",
        detail: "number -> null | number",
        before: "number",
        after: "null | number",
      },
      {
        kind: "changed",
        name: "POST /gen output 200.images[].url?",
        detail: "string -> null | string",
        before: "string",
        after: "null | string",
      },
    ]);
  });

  it("shows a property that became optional as one change, not a removed x and an added x?", () => {
    // Kling's text2video `prompt` in the vendor's two editions (diff-history/chainhub-apifox).
    const head = edited(base, (d) => {
      body(d).required = ["seed"];
      body(d).properties.seed = { type: "integer", nullable: true };
    });
    expect(diffSurface(base, head)).toEqual([
      {
        kind: "changed",
        name: "POST /gen input.prompt",
        detail: "became optional",
        before: "prompt: string",
        after: "prompt?: string",
      },
      {
        kind: "changed",
        name: "POST /gen input.seed",
        detail: "became required; number -> null | number",
        before: "seed?: number",
        after: "seed: null | number",
      },
    ]);
  });

  it("shows property types inside a union's $ref'd members, named as the contract diff names them", () => {
    // OpenAI's conversation items (diff-history/openai/conversation-items-six-commits): a union
    // of item components, reached through a nullable array written as a one-member anyOf.
    const pets = (meow: JsonObject): JsonObject => ({
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: {
        "/pets": {
          post: {
            requestBody: {
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      pets: {
                        nullable: true,
                        anyOf: [{ type: "array", items: { $ref: "#/components/schemas/Pet" } }],
                      },
                    },
                  },
                },
              },
            },
            responses: {
              "200": {
                description: "",
                content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          Pet: {
            oneOf: [
              { $ref: "#/components/schemas/Cat" },
              { type: "object", properties: { bark: { type: "string" } } },
            ],
          },
          Cat: { type: "object", required: ["meow"], properties: { meow } },
        },
      },
    });
    const changes = diffSurface(pets({ type: "string" }), pets({ type: "integer" }));
    expect(changes.map((c) => `${c.name}: ${c.detail}`)).toEqual([
      "POST /pets input.pets[]<Cat>.meow: string -> number",
      "POST /pets output 200<Cat>.meow: string -> number",
    ]);
  });

  it("reports only the union when it loses a member, not its other members' fields again", () => {
    // OpenAI c094647: `error: anyOf [string, MCPToolCallError, null]` lost its string; the error
    // objects' fields (`code`, `message` on two of them) did not change.
    const failing = (error: JsonObject): JsonObject => ({
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: {
        "/call": {
          get: {
            responses: {
              "200": {
                description: "",
                content: {
                  "application/json": {
                    schema: { type: "object", properties: { error: { ...error, nullable: true } } },
                  },
                },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          Failure: {
            oneOf: [
              { $ref: "#/components/schemas/ProtocolError" },
              { $ref: "#/components/schemas/HttpError" },
            ],
          },
          ProtocolError: { type: "object", properties: { code: { type: "integer" } } },
          HttpError: { type: "object", properties: { code: { type: "integer" } } },
        },
      },
    });
    const failure = { $ref: "#/components/schemas/Failure" };
    const changes = diffSurface(
      failing({ anyOf: [{ type: "string" }, failure] }),
      failing({ anyOf: [failure] }),
    );
    expect(changes.map((c) => `${c.name}: ${c.detail}`)).toEqual([
      "GET /call output 200.error?: HttpError | ProtocolError | null | string -> HttpError | ProtocolError | null",
    ]);
  });

  it("reports nothing when the spec only reorders properties and enum values", () => {
    const head = edited(base, (d) => {
      const { prompt, size, seed } = body(d).properties;
      body(d).properties = { seed, size: { ...size, enum: ["large", "small"] }, prompt };
    });
    expect(diffSurface(base, head)).toEqual([]);
  });
});
