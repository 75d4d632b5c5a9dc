import type { JsonObject } from "../../../../scripts/lib/openapi-walk.js";
import { edited, type Pair } from "./pair.js";

/** POST /pets: the request and the 200 response each a schema `slot` of the test's choosing. */
function contract(request: unknown, response: unknown, schemas: JsonObject = {}): JsonObject {
  return {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: {
      "/pets": {
        post: {
          operationId: "pets",
          requestBody: { required: true, content: { "application/json": { schema: request } } },
          responses: {
            "200": { description: "", content: { "application/json": { schema: response } } },
          },
        },
      },
    },
    components: { schemas: { ...SCHEMAS, ...schemas } },
  };
}

const SCHEMAS: JsonObject = {
  Base: {
    type: "object",
    required: ["id"],
    properties: { id: { type: "string" }, status: { type: "string", enum: ["ok", "failed"] } },
  },
  Cat: { type: "object", properties: { kind: { enum: ["cat"] }, meow: { type: "string" } } },
  Dog: { type: "object", properties: { kind: { enum: ["dog"] }, bark: { type: "string" } } },
};

const plain = { type: "object", properties: { ok: { type: "boolean" } } };
/** A response wrapped the way the apifox exports do: `allOf` of a shared base and its own part. */
const wrapped = {
  allOf: [
    { $ref: "#/components/schemas/Base" },
    { type: "object", properties: { url: { type: "string" } } },
  ],
};
const withField = (field: unknown) => ({ type: "object", properties: { content: field } });
const pets = {
  oneOf: [{ $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Dog" }],
};

export const COMPOSITION_PAIRS: Pair[] = [
  {
    name: "a response property removed inside allOf",
    base: contract(plain, wrapped),
    head: edited(contract(plain, wrapped), (d) => delete d.components.schemas.Base.properties.id),
    expected: ["response-required-property-removed"],
  },
  {
    name: "an enum value added inside an allOf-wrapped response",
    base: contract(plain, wrapped),
    head: edited(contract(plain, wrapped), (d) =>
      d.components.schemas.Base.properties.status.enum.push("queued"),
    ),
    expected: ["response-property-enum-value-added"],
  },
  {
    name: "an allOf flattened into the schema it means",
    base: contract(plain, wrapped),
    head: contract(plain, {
      type: "object",
      required: ["id"],
      properties: {
        id: { type: "string" },
        status: { type: "string", enum: ["ok", "failed"] },
        url: { type: "string" },
      },
    }),
    expected: [],
  },
  {
    name: "a request property made required by a new allOf member",
    base: contract({ allOf: [plain] }, plain),
    head: contract({ allOf: [plain, { required: ["ok"] }] }, plain),
    expected: ["request-property-became-required"],
  },
  {
    name: "nullable dropped from a oneOf request field",
    base: contract(
      withField({ oneOf: [{ type: "string" }, { type: "array" }], nullable: true }),
      plain,
    ),
    head: contract(withField({ oneOf: [{ type: "string" }, { type: "array" }] }), plain),
    expected: ["request-property-became-not-nullable"],
  },
  {
    name: "nullable dropped from a variant inside oneOf",
    base: contract(
      withField({ oneOf: [{ type: "string", nullable: true }, { type: "array" }] }),
      plain,
    ),
    head: contract(withField({ oneOf: [{ type: "string" }, { type: "array" }] }), plain),
    expected: ["request-property-became-not-nullable"],
  },
  {
    name: "a 3.1 anyOf with type null added to a response field",
    base: contract(plain, withField({ type: "string" })),
    head: contract(plain, withField({ anyOf: [{ type: "string" }, { type: "null" }] })),
    expected: ["response-property-became-nullable"],
  },
  {
    name: "a response field that may no longer be null, in a 3.1 type list",
    base: contract(plain, withField({ type: ["string", "null"] })),
    head: contract(plain, withField({ type: "string" })),
    expected: ["response-property-became-not-nullable"],
  },
  {
    name: "nullability restated in another form",
    base: contract(
      withField({ type: "string", nullable: true }),
      withField({ type: ["string", "null"] }),
    ),
    head: contract(
      withField({ anyOf: [{ type: "string" }, { type: "null" }] }),
      withField({ oneOf: [{ type: "null" }, { type: "string" }] }),
    ),
    expected: [],
  },
  {
    name: "oneOf variants reordered",
    base: contract(withField(pets), withField(pets)),
    head: contract(
      withField({ oneOf: [...pets.oneOf].reverse() }),
      withField({ oneOf: [...pets.oneOf].reverse() }),
    ),
    expected: [],
  },
  {
    name: "a property removed inside one oneOf variant of a response",
    base: contract(plain, withField(pets)),
    head: edited(
      contract(plain, withField(pets)),
      (d) => delete d.components.schemas.Dog.properties.bark,
    ),
    expected: ["response-optional-property-removed"],
  },
  {
    name: "inline variants matched by discriminator value, one gaining a required property",
    base: contract(
      withField({
        oneOf: [
          { type: "object", properties: { kind: { enum: ["cat"] } } },
          { type: "object", properties: { kind: { enum: ["dog"] } } },
        ],
        discriminator: { propertyName: "kind" },
      }),
      plain,
    ),
    head: contract(
      withField({
        oneOf: [
          { type: "object", properties: { kind: { enum: ["dog"] } } },
          {
            type: "object",
            required: ["lives"],
            properties: { kind: { enum: ["cat"] }, lives: { type: "integer" } },
          },
        ],
        discriminator: { propertyName: "kind" },
      }),
      plain,
    ),
    expected: ["new-required-request-property"],
  },
  {
    name: "a variant removed from a request union and added to a response union",
    base: contract(withField(pets), withField({ oneOf: [pets.oneOf[0]] })),
    head: contract(withField({ oneOf: [pets.oneOf[0]] }), withField(pets)),
    expected: ["request-property-one-of-removed", "response-property-one-of-added"],
  },
  {
    name: "a string field that became a union with that string and an integer",
    base: contract(withField({ type: "string", maxLength: 9 }), plain),
    head: contract(
      withField({ anyOf: [{ type: "string", maxLength: 9 }, { type: "integer" }] }),
      plain,
    ),
    expected: ["request-property-any-of-added"],
  },
  {
    // togethercomputer/openapi 8f5536f did this to a dozen fields.
    name: "a formatted string that became string-or-integer, in a request and a response",
    base: contract(
      withField({ type: "string", format: "int64" }),
      withField({ type: "string", format: "uint64" }),
    ),
    head: contract(
      withField({ oneOf: [{ type: "string" }, { type: "integer" }] }),
      withField({ oneOf: [{ type: "string" }, { type: "integer" }] }),
    ),
    expected: [
      "request-property-type-generalized",
      "request-property-one-of-added",
      "response-property-type-changed",
      "response-property-one-of-added",
    ],
  },
  {
    // togethercomputer/openapi 016ed66: `voice` went from an open enum to a plain string.
    name: "an open enum (known values or any string) that became a plain string",
    base: contract(
      withField({ anyOf: [{ type: "string", enum: ["a", "b"] }, { type: "string" }] }),
      withField({ anyOf: [{ type: "string", enum: ["a"] }, { type: "string" }] }),
    ),
    head: contract(
      withField({ type: "string" }),
      withField({ anyOf: [{ type: "string", enum: ["a", "c"] }, { type: "string" }] }),
    ),
    expected: [],
  },
  {
    // togethercomputer/openapi edb8457: the same union written with its common part outside.
    name: "a union whose common properties moved into its variants",
    base: contract(plain, {
      type: "object",
      required: ["index"],
      properties: { index: { type: "integer" }, url: { type: "string" } },
      oneOf: [{ required: ["url"] }, { required: ["index"] }],
    }),
    head: contract(plain, {
      oneOf: [
        {
          type: "object",
          required: ["index", "url"],
          properties: { index: { type: "integer" }, url: { type: "string" } },
        },
        {
          type: "object",
          required: ["index"],
          properties: { index: { type: "integer" }, url: { type: "string" } },
        },
      ],
    }),
    expected: [],
  },
  {
    name: "an anyOf variant dropped from a response",
    base: contract(plain, withField({ anyOf: [{ type: "string" }, { type: "integer" }] })),
    head: contract(plain, withField({ anyOf: [{ type: "string" }] })),
    expected: ["response-property-any-of-removed"],
  },
];
