import { describe, expect, it } from "vitest";
import { levelOf, type Change } from "../../../scripts/lib/diff/change.js";
import { locateChanges, repositoryUrlFrom } from "../../../scripts/lib/diff/locate-changes.js";

const lines = new Map([
  ["#/paths/~1x/post", 10],
  ["#/paths/~1x/post/parameters/0", 14],
]);
const locate = (pointer: string) => lines.get(pointer);

describe("locating changes", () => {
  it("gives each side's file:line, linked at the side's commit when the repository is known", () => {
    const change: Change = {
      id: "request-parameter-removed",
      level: levelOf("request-parameter-removed"),
      method: "POST",
      path: "/x",
      message: "query parameter `q` removed",
      source: "spec",
      pointers: { base: "#/paths/~1x/post/parameters/0", head: "#/paths/~1x/post" },
    };
    locateChanges(
      [change],
      {
        base: {
          file: "main:spec/a b.yaml",
          locate,
          repository: { path: "spec/a b.yaml", commit: "c0ffee" },
        },
        head: { file: "spec/a b.yaml", locate },
      },
      "https://github.com/o/r/",
    );
    expect(change.where).toEqual({
      base: {
        file: "main:spec/a b.yaml",
        line: 14,
        url: "https://github.com/o/r/blob/c0ffee/spec/a%20b.yaml#L14",
      },
      head: { file: "spec/a b.yaml", line: 10 },
    });
  });

  it("cites another file of a multi-file spec by its own name and line, linked at its path", () => {
    const change: Change = {
      id: "response-property-became-nullable",
      level: levelOf("response-property-became-nullable"),
      method: "GET",
      path: "/x",
      message: "200: `a` may now be null",
      source: "spec",
      pointers: { base: "#/components/schemas/A/properties/a", head: "#/info" },
    };
    const side = (file: string) => ({
      file,
      locate,
      repository: { path: "specification/root.yaml", commit: "c0ffee" },
      // The component came from `models/a (1).yml`; the root states `#/info` itself.
      locateInFiles: (pointer: string) =>
        pointer.startsWith("#/components/schemas/A")
          ? {
              name: `${file.split(":")[0]}:specification/models/a (1).yml`,
              path: "models/a (1).yml",
              line: 7,
            }
          : undefined,
    });
    locateChanges(
      [change],
      { base: side("main:specification/root.yaml"), head: side("HEAD:specification/root.yaml") },
      "https://github.com/o/r",
    );
    expect(change.where?.base).toEqual({
      file: "main:specification/models/a (1).yml",
      line: 7,
      // Parentheses escaped too: a markdown link would end at the first `)`.
      url: "https://github.com/o/r/blob/c0ffee/specification/models/a%20%281%29.yml#L7",
    });
    // A pointer the root file states keeps the root file (no such line here: not located).
    expect(change.where?.head).toBeUndefined();
  });

  it("takes the repository from GitHub Actions' environment unless --repo-url says otherwise", () => {
    const env = { GITHUB_SERVER_URL: "https://github.com", GITHUB_REPOSITORY: "o/r" };
    expect(repositoryUrlFrom(undefined, env)).toBe("https://github.com/o/r");
    expect(repositoryUrlFrom("https://ghe.test/x/y", env)).toBe("https://ghe.test/x/y");
    expect(repositoryUrlFrom(undefined, {})).toBeUndefined();
  });
});
