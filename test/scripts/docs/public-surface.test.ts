import { readFileSync } from "node:fs";
import ts from "typescript";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findUndocumented } from "../../../scripts/docs/find-undocumented.js";
import { readPublicEntries } from "../../../scripts/docs/public-entries.mjs";
import { DESCRIPTOR_TYPES } from "../../../scripts/lib/emit/descriptor-types.js";

const ROOT = join(import.meta.dirname, "../../..");
const FIXED_GENERATED = new Set(
  [...DESCRIPTOR_TYPES.matchAll(/export interface (\w+)/g)].map((match) => match[1]!),
);

describe("the public surface", () => {
  it("has a doc comment on every export, property, method and option of every package entry", () => {
    const undocumented = findUndocumented(ROOT, readPublicEntries(ROOT), FIXED_GENERATED);
    expect(undocumented).toEqual([]);
  });

  it("reports an export that has no doc comment, and a property of one", () => {
    const fixture = "test/fixtures/docs/undocumented-entry.ts";
    const found = findUndocumented(ROOT, [{ importPath: "fixture", source: fixture }], new Set());
    expect(found).toEqual([
      `fixture: Bare (${fixture}:2)`,
      `fixture: Options.bare (${fixture}:7)`,
      `fixture: Options.nested.bare (${fixture}:10)`,
    ]);
  });

  it("is what the API reference is built from: every entry with types in package.json exports", () => {
    const typedoc = JSON.parse(readFileSync(join(ROOT, "typedoc.json"), "utf8"));
    const sources = readPublicEntries(ROOT).map((entry) => entry.source);
    expect([...typedoc.entryPoints].sort()).toEqual([...sources].sort());
    expect(sources).toContain("src/proxy/index.ts");
  });
});

describe("the entry points' examples", () => {
  const examplesOf = (file: string, name: string): string[] => {
    const source = ts.createSourceFile(
      file,
      readFileSync(join(ROOT, file), "utf8"),
      ts.ScriptTarget.ES2022,
      true,
    );
    const found: string[] = [];
    source.forEachChild(function visit(node): void {
      const named =
        (ts.isFunctionDeclaration(node) || ts.isMethodSignature(node)) &&
        node.name?.getText() === name;
      if (named)
        for (const tag of ts.getJSDocTags(node))
          if (tag.tagName.text === "example")
            found.push(ts.getTextOfJSDocComment(tag.comment) ?? "");
      node.forEachChild(visit);
    });
    return found;
  };

  it.each([
    ["src/client.ts", "createClient"],
    ["src/client.ts", "run"],
    ["src/client.ts", "request"],
    ["src/proxy/create-proxy.ts", "createProxy"],
    ["src/emulator/server.ts", "startEmulator"],
  ])("%s: %s has an @example", (file, name) => {
    expect(examplesOf(file, name).length).toBeGreaterThan(0);
  });

  it("shows createClient in a browser, through a proxy, without a key", () => {
    const browser = examplesOf("src/client.ts", "createClient").find((example) =>
      example.includes("proxyUrl"),
    );
    expect(browser).toBeDefined();
    expect(browser).not.toMatch(/apiKey|fileFrom|saveImages/);
  });
});
