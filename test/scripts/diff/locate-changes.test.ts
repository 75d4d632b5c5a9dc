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

  it("takes the repository from GitHub Actions' environment unless --repo-url says otherwise", () => {
    const env = { GITHUB_SERVER_URL: "https://github.com", GITHUB_REPOSITORY: "o/r" };
    expect(repositoryUrlFrom(undefined, env)).toBe("https://github.com/o/r");
    expect(repositoryUrlFrom("https://ghe.test/x/y", env)).toBe("https://ghe.test/x/y");
    expect(repositoryUrlFrom(undefined, {})).toBeUndefined();
  });
});
