import { describe, expect, it } from "vitest";
import { compareDocuments } from "../../../scripts/lib/diff/compare-document.js";
import { isUnchangedComponent } from "../../../scripts/lib/diff/unchanged-components.js";
import type { JsonObject } from "../../../scripts/lib/openapi-walk.js";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** A reads the same on both sides and names B and C; B names only A; C gains a required field. */
function cycleThroughChangedComponent(): { base: JsonObject; head: JsonObject } {
  const side = (cRequired: string[]): JsonObject => ({
    openapi: "3.0.3",
    info: { title: "t", version: "1" },
    paths: {
      "/b": {
        post: {
          requestBody: { content: { "application/json": { schema: ref("B") } } },
          responses: { "200": { description: "ok" } },
        },
      },
    },
    components: {
      schemas: {
        A: { type: "object", properties: { b: ref("B"), c: ref("C") } },
        B: { type: "object", properties: { a: ref("A") } },
        C: {
          type: "object",
          required: cRequired,
          properties: { id: { type: "string" }, name: { type: "string" } },
        },
      },
    },
  });
  return { base: side([]), head: side(["name"]) };
}

describe("isUnchangedComponent", () => {
  it("calls a component changed when a cycle leads it to a change, whichever is asked first", () => {
    for (const order of [
      ["A", "B"],
      ["B", "A"],
    ]) {
      const { base, head } = cycleThroughChangedComponent();
      for (const name of order)
        expect(isUnchangedComponent(`#/components/schemas/${name}`, base, head), name).toBe(false);
    }
  });

  it("calls every component of an unchanged cycle unchanged", () => {
    const { base } = cycleThroughChangedComponent();
    const copy = structuredClone(base);
    for (const name of ["A", "B", "C"])
      expect(isUnchangedComponent(`#/components/schemas/${name}`, base, copy)).toBe(true);
  });

  it("lets the diff see a change B reaches only through A, after A was checked first", () => {
    const { base, head } = cycleThroughChangedComponent();
    // A is checked first (its cycle through B would once have cached B as unchanged).
    isUnchangedComponent("#/components/schemas/A", base, head);
    const changes = compareDocuments(base, head);
    expect(changes.map((change) => [change.id, change.level])).toContainEqual([
      "request-property-became-required",
      "breaking",
    ]);
  });
});
