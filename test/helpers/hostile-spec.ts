/**
 * Text that would run code if it escaped a comment or a string: each piece writes PWNED when
 * executed. Every field of the spec that reaches generated code carries all of them.
 */
const ESCAPES = [
  '*/ process.stdout.write("PWNED-1"); /*',
  '"; process.stdout.write("PWNED-2"); "',
  "\u2028process.stdout.write('PWNED-3');//",
  "\u2029process.stdout.write('PWNED-4');",
  "`${process.stdout.write('PWNED-5')}`",
  "\\\"); process.stdout.write('PWNED-6'); (\"",
  "\n*/ process.stdout.write('PWNED-7') /*",
  "</script><!-- ' \\u0000",
];
const hostile = (label: string) => `${label} ${ESCAPES.join(" ")}`;

export function hostileSpec(): object {
  const enumValues = ["a*/b", 'q"uote', "line\u2028sep", "back`tick${x}", "slash\\"];
  return {
    openapi: "3.0.1",
    info: { title: hostile("title"), description: hostile("info"), version: "1.0.0" },
    servers: [{ url: "https://api.example.com/*/x\u2028", description: hostile("server") }],
    paths: {
      [`/evil/*/path\u2028/${"`${x}`"}/q"uote`]: {
        post: {
          operationId: hostile("op"),
          summary: hostile("summary"),
          description: hostile("description"),
          requestBody: {
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  description: hostile("body"),
                  properties: {
                    [hostile("key")]: { type: "string", description: hostile("prop") },
                    mode: {
                      type: "string",
                      description: hostile("mode"),
                      enum: enumValues,
                      default: "a*/b",
                    },
                    kind: {
                      type: "string",
                      "x-apifox-enum": enumValues.map((value) => ({
                        value,
                        name: hostile("name"),
                        description: hostile("enum-doc"),
                      })),
                    },
                  },
                },
                example: { mode: "a*/b" },
              },
            },
          },
          responses: {
            "200": {
              description: hostile("response"),
              content: {
                "application/json": {
                  schema: { $ref: `#/components/schemas/${encodeURIComponent("9*/Evil")}` },
                },
              },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        "9*/Evil": {
          type: "object",
          description: hostile("component"),
          properties: { v: { type: "string", enum: ["x*/y"], description: hostile("v") } },
        },
      },
    },
  };
}
