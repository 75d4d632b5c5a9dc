import type { JsonObject } from "../../../../scripts/lib/openapi-walk.js";

/**
 * Specs written to make a diff hang: what a pull request from a fork can send. Each builder
 * takes the leaf type, so `build("string")` and `build("integer")` differ in one place only,
 * deep inside, and a diff that gives up early must still say something changed.
 */
export interface HostileSpec {
  name: string;
  build: (leaf: string) => JsonObject;
}

const leafObject = (leaf: string) => ({ type: "object", properties: { leaf: { type: leaf } } });

/** One POST /x whose request and 200 response are `schema`, with `components.schemas`. */
export function contract(schema: unknown, schemas: JsonObject = {}): JsonObject {
  // Request and response share the schema object, as YAML anchors would make them.
  const content = (s: unknown) => ({ "application/json": { schema: s } });
  return {
    openapi: "3.0.1",
    info: { title: "hostile", version: "1" },
    paths: {
      "/x": {
        post: {
          operationId: "x",
          requestBody: { required: true, content: content(schema) },
          responses: { "200": { description: "", content: content(schema) } },
        },
      },
    },
    components: { schemas },
  };
}

function layers(depth: number, wrap: (inner: unknown, i: number) => unknown, leaf: string) {
  let schema: unknown = leafObject(leaf);
  for (let i = 0; i < depth; i++) schema = wrap(schema, i);
  return schema;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export const HOSTILE_SPECS: HostileSpec[] = [
  {
    name: "30 layers of 2-member oneOf unions",
    build: (leaf) =>
      contract(
        layers(30, (inner, i) => ({ oneOf: [inner, { type: "integer", minimum: i }] }), leaf),
      ),
  },
  {
    name: "30 layers of allOf around an anyOf",
    build: (leaf) =>
      contract(layers(30, (inner) => ({ allOf: [{ anyOf: [inner, { type: "string" }] }] }), leaf)),
  },
  {
    name: "30 layers of unions distributed over their own properties",
    build: (leaf) =>
      contract(
        layers(
          30,
          (inner, i) => ({
            properties: { [`p${i}`]: { type: "string" } },
            oneOf: [inner, { type: "object", properties: { [`q${i}`]: { type: "string" } } }],
          }),
          leaf,
        ),
      ),
  },
  {
    name: "a 200-wide union of 200-wide unions",
    build: (leaf) => {
      const wide = (prefix: string, member: (i: number) => unknown) => ({
        oneOf: Array.from({ length: 200 }, (_, i) => member(i)),
        description: prefix,
      });
      return contract(
        wide("outer", (i) =>
          wide(`inner ${i}`, (j) => ({
            type: "object",
            required: [`f${i}_${j}`],
            properties: { [`f${i}_${j}`]: { type: i === 199 && j === 199 ? leaf : "string" } },
          })),
        ),
      );
    },
  },
  {
    name: "30 components, each naming the one below twice inside a union",
    build: (leaf) => {
      const schemas: JsonObject = { C0: leafObject(leaf) };
      for (let i = 1; i <= 30; i++)
        schemas[`C${i}`] = {
          oneOf: [ref(`C${i - 1}`), { type: "object", properties: { next: ref(`C${i - 1}`) } }],
        };
      return contract(ref("C30"), schemas);
    },
  },
  {
    name: "$ref cycles through unions and allOf",
    build: (leaf) =>
      contract(ref("A"), {
        A: { oneOf: [ref("B"), { type: leaf }, { anyOf: [ref("A"), { type: "null" }] }] },
        B: { allOf: [ref("C"), { properties: { b: ref("A") } }] },
        C: { allOf: [ref("B"), { properties: { c: { type: leaf } } }], anyOf: [ref("A")] },
      }),
  },
];
