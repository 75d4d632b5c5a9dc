import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../helpers/run-generate.js";
import { typecheckStrict } from "../../helpers/typecheck.js";

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

function hostileSpec(): object {
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

describe("a spec full of code-shaped text generates inert, type-correct code", () => {
  const dir = mkdtempSync(join(tmpdir(), "hostile-"));
  const out = join(dir, "out");
  let generateResult: ReturnType<typeof spawnSync>;

  beforeAll(() => {
    const spec = join(dir, "hostile\u2028name *.json");
    writeFileSync(spec, JSON.stringify(hostileSpec(), null, 2));
    generateResult = spawnSync(
      process.execPath,
      ["--import", "tsx", "scripts/generate.ts", "--spec", spec, "--out", out, "--quiet"],
      { cwd: repoRoot, encoding: "utf8" },
    );
  });

  it("generates without a crash", () => {
    expect(generateResult.stderr).not.toMatch(/^\s+at /m);
    expect(generateResult.status, String(generateResult.stderr)).toBe(0);
  });

  it("runs no spec text when every generated module is imported", () => {
    const modules = readdirSync(out).filter((f) => f.endsWith(".ts"));
    expect(modules.length).toBeGreaterThanOrEqual(3);
    const script = modules
      .map((m) => `await import(${JSON.stringify(pathToFileURL(join(out, m)).href)});`)
      .join("\n");
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", script],
      {
        cwd: repoRoot,
        encoding: "utf8",
      },
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain("PWNED");
  });

  it("type-checks under --strict", () => {
    expect(typecheckStrict(out)).toEqual({ output: "", status: 0 });
  });

  it("keeps the text, escaped, so the docs still say what the vendor wrote", () => {
    const operations = readFileSync(join(out, "operations.gen.ts"), "utf8");
    expect(operations).toContain("*\\/ process.stdout.write");
    expect(operations).not.toMatch(/[\u2028\u2029]/);
  });
});
