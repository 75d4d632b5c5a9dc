import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DiffInputError, loadSide } from "../../../scripts/lib/diff/load-side.js";
import { repoRoot } from "../../helpers/run-generate.js";

const seed = readFileSync(join(repoRoot, "test/fixtures/seed/chainhub-fal-ai.apifox.yaml"), "utf8");

/** The seed with `seed` moved into models/seed.yaml, which `model` writes (or not, when undefined). */
function multiFileSpec(model: string | undefined, ref = "./models/seed.yaml"): string {
  const folder = mkdtempSync(join(tmpdir(), "diff-side-"));
  const spec = join(folder, "spec.yaml");
  writeFileSync(
    spec,
    seed.replace(
      "                seed:\n                  type: integer\n",
      `                seed:\n                  $ref: '${ref}'\n`,
    ),
  );
  mkdirSync(join(folder, "models"));
  if (model !== undefined) writeFileSync(join(folder, "models/seed.yaml"), model);
  return spec;
}

function failure(spec: string): string {
  try {
    loadSide(spec, repoRoot, { kind: "none" });
  } catch (error) {
    expect(error).toBeInstanceOf(DiffInputError);
    return (error as Error).message;
  }
  throw new Error("the side was loaded");
}

describe("a side of the diff whose $refs the generator cannot follow", () => {
  it("is refused with the reference's file:line, rather than compared with a hole in it", () => {
    const message = failure(multiFileSpec(undefined));
    expect(message).toMatch(/: not a usable spec\n/);
    expect(message).toContain("spec.yaml:25: error [unresolved-ref] cannot read models/seed.yaml");
  });

  it("is refused when its references loop", () => {
    const message = failure(multiFileSpec("$ref: './seed.yaml'\n"));
    expect(message).toMatch(/: not a usable spec\n/);
    expect(message).toContain("[ref-cycle]");
  });

  it("is compared when every reference resolves", () => {
    const side = loadSide(multiFileSpec("type: integer\n"), repoRoot, { kind: "none" });
    expect(side.notes).toEqual([]);
  });
});
