import fc from "fast-check";

/** Pieces of text that mean something to a parser of TypeScript, JSDoc, HTML or a template. */
export const CODE_PIECES = [
  "*/",
  "/*",
  "/**",
  "//",
  "`",
  "${",
  "${x}",
  "}",
  "{",
  "(",
  ")",
  "[",
  "]",
  "\u2028",
  "\u2029",
  '"',
  "'",
  "\\",
  "\\u",
  "</script>",
  "<!--",
  "@param",
  "@default",
  "\n",
  "\r",
  "\t",
  " ",
  "\u0000",
  ";",
  ",",
  ":",
  "=",
  "=>",
  "#",
  "-",
  "0",
  "1e3",
  "a",
  "constructor",
  "__proto__",
  "default",
  "enum",
];

/** A string composed of code-shaped pieces (possibly empty). */
export const codeShaped = (maxPieces = 6) =>
  fc.array(fc.constantFrom(...CODE_PIECES), { maxLength: maxPieces }).map((p) => p.join(""));

/**
 * An OpenAPI document whose descriptions, property names, enum values, defaults, examples,
 * operationIds, summaries and paths are all composed of code-shaped strings.
 */
export const codeShapedSpec = fc
  .record({
    operationId: codeShaped(),
    summary: codeShaped(),
    path: codeShaped(3),
    properties: fc.uniqueArray(
      fc.record({
        name: codeShaped(4),
        description: codeShaped(8),
        enum: fc.uniqueArray(codeShaped(3), { maxLength: 3 }),
        default: fc.option(codeShaped(3), { nil: undefined }),
        integer: fc.boolean(),
      }),
      { maxLength: 4, selector: (p) => p.name },
    ),
    component: codeShaped(3),
  })
  .map(({ operationId, summary, path, properties, component }) => {
    const schemaProperties: Record<string, object> = {};
    for (const p of properties) {
      schemaProperties[p.name] = p.integer
        ? { type: "integer", description: p.description }
        : {
            type: "string",
            description: p.description,
            ...(p.enum.length > 0 ? { enum: p.enum } : {}),
            ...(p.default !== undefined && (p.enum.length === 0 || p.enum.includes(p.default))
              ? { default: p.default }
              : {}),
          };
    }
    return {
      openapi: "3.0.1",
      info: { title: summary, version: "1" },
      servers: [{ url: "https://api.example.com" }],
      paths: {
        [`/fal-ai/${path}`]: {
          post: {
            operationId,
            summary,
            description: summary,
            requestBody: {
              required: true,
              content: {
                "application/json": {
                  schema: { type: "object", properties: schemaProperties },
                },
              },
            },
            responses: {
              "200": {
                description: summary,
                content: {
                  "application/json": {
                    schema: {
                      $ref: `#/components/schemas/${encodeURIComponent(component || "R")}`,
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
          [component || "R"]: { type: "object", properties: schemaProperties },
        },
      },
    };
  });
