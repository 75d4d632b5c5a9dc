import { posix } from "node:path";
import { describe, expect, it } from "vitest";
import { buildContract } from "../../../scripts/lib/build-contract.js";
import type { SpecFileReader } from "../../../scripts/lib/load/spec-files.js";

/** A multi-file spec in memory; `$ref`s are read relative to the file that holds them. */
function readerOf(files: Record<string, string>): SpecFileReader {
  return {
    read(from, reference) {
      const id = posix.normalize(posix.join(posix.dirname(from.id), reference));
      const text = files[id];
      return text === undefined ? { error: `no ${id}` } : { id, name: `spec/${id}`, text };
    },
  };
}

const ROOT = [
  'openapi: "3.0.3"',
  "info: { title: t, version: '1' }",
  "paths:",
  "  /pets:",
  "    get:",
  '      $ref: "paths/pets.yaml"',
  "components:",
  "  schemas:",
  "    Local:",
  "      type: string",
  "    Owner:",
  '      $ref: "schemas/owner.yaml"',
  "",
].join("\n");

const FILES: Record<string, string> = {
  "paths/pets.yaml": [
    "summary: List pets",
    "parameters:",
    "  - $ref: '../parameters.yaml#/limit'",
    "responses:",
    '  "200":',
    "    description: ok",
    "    content:",
    "      application/json:",
    "        schema:",
    "          $ref: '../schemas/pet.yaml'",
    "",
  ].join("\n"),
  "parameters.yaml": [
    "# shared parameters",
    "limit:",
    "  name: limit",
    "  in: query",
    "  schema: { type: integer, maximum: 100 }",
    "",
  ].join("\n"),
  "schemas/pet.yaml": [
    "type: object",
    "properties:",
    "  name:",
    "    type: string",
    "  tag:",
    "    $ref: '#/definitions/Tag'",
    "  extra:",
    "    properties:",
    "      $ref: 'extra-properties.yaml'",
    "definitions:",
    "  Tag:",
    "    type: string",
    "    enum: [a, b]",
    "",
  ].join("\n"),
  "schemas/extra-properties.yaml": ["note:", "  type: string", ""].join("\n"),
  "schemas/owner.yaml": ["type: object", "properties:", "  id: { type: integer }", ""].join("\n"),
};

function bundle(keepLines: boolean) {
  return buildContract({ name: "spec/root.yaml", id: "root.yaml", text: ROOT }, [], {
    reader: readerOf(FILES),
    keepLines,
    infer: false,
  });
}

describe("the bundler's source map", () => {
  const { sourceMap, document } = bundle(true);
  const at = (pointer: string) => {
    const origin = sourceMap!.origin(pointer);
    return `${origin.file.name}:${origin.line} ${origin.pointer}`;
  };

  it("gives an operation written in its own file that file's lines", () => {
    expect(at("#/paths/~1pets/get/summary")).toBe("spec/paths/pets.yaml:1 #/summary");
    expect(at("#/paths/~1pets/get/responses/200/content")).toBe(
      "spec/paths/pets.yaml:7 #/responses/200/content",
    );
  });

  it("gives a component bundled from another file, or from a pointer inside one, its own file", () => {
    expect(document!.components).toHaveProperty("schemas.Pet");
    expect(at("#/components/schemas/Pet/properties/name")).toBe(
      "spec/schemas/pet.yaml:3 #/properties/name",
    );
    expect(at("#/components/parameters/Limit/schema/maximum")).toBe(
      "spec/parameters.yaml:5 #/limit/schema/maximum",
    );
    // A reference local to another file stays in that file.
    expect(at("#/components/schemas/Tag/enum")).toBe(
      "spec/schemas/pet.yaml:13 #/definitions/Tag/enum",
    );
    // The root's own `components` entry that names a file becomes that file's content.
    expect(at("#/components/schemas/Owner/properties/id")).toBe(
      "spec/schemas/owner.yaml:3 #/properties/id",
    );
  });

  it("prefers the deepest file: content copied in place inside another file's part", () => {
    expect(at("#/components/schemas/Pet/properties/extra/properties/note")).toBe(
      "spec/schemas/extra-properties.yaml:1 #/note",
    );
  });

  it("leaves the root file's own parts, and parts no file states, to the root file", () => {
    expect(at("#/components/schemas/Local")).toBe("spec/root.yaml:9 #/components/schemas/Local");
    // The pipeline adds operationIds: the nearest part the operation's file states.
    expect(at("#/paths/~1pets/get/operationId")).toBe("spec/paths/pets.yaml:1 #/operationId");
  });

  it("changes nothing in the bundled document, and is kept only when lines are asked for", () => {
    const plain = bundle(false);
    expect(plain.sourceMap).toBeUndefined();
    expect(JSON.stringify(plain.document)).toBe(JSON.stringify(document));
  });
});

describe("a file whose whole content is a reference to a third file", () => {
  const root = [
    'openapi: "3.0.3"',
    "info: { title: t, version: '1' }",
    "paths: {}",
    "components:",
    "  schemas:",
    "    Alias:",
    '      $ref: "schemas/alias.yaml"',
    "",
  ].join("\n");
  const files = {
    "schemas/alias.yaml": ["# an alias: points on", '$ref: "real.yaml"', ""].join("\n"),
    "schemas/real.yaml": ["type: object", "properties:", "  id:", "    type: integer", ""].join(
      "\n",
    ),
  };

  it("gives the copied content the file that states it, not the one that only pointed on", () => {
    const { sourceMap } = buildContract(
      { name: "spec/root.yaml", id: "root.yaml", text: root },
      [],
      {
        reader: readerOf(files),
        keepLines: true,
        infer: false,
      },
    );
    const origin = sourceMap!.origin("#/components/schemas/Alias/properties/id/type");
    expect(`${origin.file.name}:${origin.line} ${origin.pointer}`).toBe(
      "spec/schemas/real.yaml:4 #/properties/id/type",
    );
  });
});
