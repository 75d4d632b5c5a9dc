import { describe, expect, it } from "vitest";
import { compareDocuments } from "../../../scripts/lib/diff/compare-document.js";
import type { JsonObject } from "../../../scripts/lib/openapi-walk.js";
import { edited } from "./pairs/pair.js";

/** Three operations answering with the shared `Image`, one of them also sending it. */
const base: JsonObject = {
  openapi: "3.0.1",
  info: { title: "t", version: "1" },
  paths: Object.fromEntries(
    ["/a", "/b", "/c"].map((path) => [
      path,
      {
        post: {
          requestBody:
            path === "/c"
              ? {
                  content: {
                    "application/json": { schema: { $ref: "#/components/schemas/Image" } },
                  },
                }
              : undefined,
          responses: {
            "200": {
              description: "",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      images: { type: "array", items: { $ref: "#/components/schemas/Image" } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    ]),
  ),
  components: {
    schemas: {
      Image: {
        type: "object",
        required: ["url"],
        properties: { url: { type: "string" }, width: { type: "integer" } },
      },
    },
  },
};

describe("a change to a shared component", () => {
  it("is reported once, with every operation and response it reaches", () => {
    const head = edited(base, (d) => (d.components.schemas.Image.properties.url.nullable = true));
    const changes = compareDocuments(base, head);
    const responseSide = changes.filter((c) => c.id === "response-property-became-nullable");
    expect(responseSide).toHaveLength(1);
    expect(responseSide[0]).toMatchObject({
      method: "",
      path: "",
      component: "#/components/schemas/Image",
      message: "`Image.url` may now be null",
      location: "Image.url",
      operations: ["POST /a (response 200)", "POST /b (response 200)", "POST /c (response 200)"],
    });
    // The one request that sends it is its own change, under its operation.
    expect(changes.filter((c) => c.id === "request-property-became-nullable")).toMatchObject([
      { method: "POST", path: "/c", message: "`url` may now be null" },
    ]);
  });

  it("stays under its operation when only one operation reaches it", () => {
    const single = edited(base, (d) => {
      delete d.paths["/b"];
      delete d.paths["/c"];
    });
    const head = edited(single, (d) => delete d.components.schemas.Image.properties.width);
    expect(compareDocuments(single, head)).toMatchObject([
      {
        id: "response-optional-property-removed",
        method: "POST",
        path: "/a",
        message: "200: `images[].width` removed",
      },
    ]);
  });
});

describe("a component one operation reaches through two union members", () => {
  const twice: JsonObject = {
    openapi: "3.0.1",
    info: { title: "t", version: "1" },
    paths: {
      "/x": {
        post: {
          responses: {
            "200": {
              description: "",
              content: {
                "application/json": {
                  schema: {
                    oneOf: [
                      { $ref: "#/components/schemas/Cat" },
                      { $ref: "#/components/schemas/Dog" },
                    ],
                  },
                },
              },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        Cat: { type: "object", properties: { tag: { $ref: "#/components/schemas/Tag" } } },
        Dog: { type: "object", properties: { tag: { $ref: "#/components/schemas/Tag" } } },
        Tag: { type: "object", properties: { name: { type: "string" } } },
      },
    },
  };

  it("is listed once, with both locations", () => {
    const head = edited(
      twice,
      (d) => (d.components.schemas.Tag.properties.color = { type: "string" }),
    );
    const added = compareDocuments(twice, head).filter(
      (c) => c.id === "response-optional-property-added",
    );
    expect(added).toHaveLength(1);
    expect(added[0]!.locations).toEqual(["<Cat>.tag.color", "<Dog>.tag.color"]);
    expect(added[0]!.message).toMatch(/also at `<Dog>\.tag\.color`/);
  });
});
