import { describe, expect, it } from "vitest";
import { levelOf, type Change } from "../../../scripts/lib/diff/change.js";
import { COMMENT_LIMIT, formatMarkdown } from "../../../scripts/lib/diff/format-markdown.js";

function change(id: string, path: string, message: string): Change {
  return { id, level: levelOf(id), method: "POST", path, message, source: "spec" };
}

/** A report of `count` changes of each level over many operations: far over GitHub's limit. */
function huge(count: number): Change[] {
  const changes: Change[] = [];
  for (let i = 0; i < count; i++) {
    const path = `/fal-ai/model-${i}`;
    changes.push(
      change("request-property-max-decreased", path, `\`num_images\` maximum 4 -> ${i % 4}`),
      change(
        "response-property-enum-value-added",
        path,
        `200: \`status\` gained enum value "q${i}"`,
      ),
      change("new-optional-request-property", path, `\`seed_${i}\` added`),
    );
  }
  return changes;
}

describe("the markdown report", () => {
  it.each([200, 320])(
    "stays under GitHub's comment limit with %i changes of each level, leaving out info rows first, and says so",
    (count) => {
      const changes = huge(count);
      const text = formatMarkdown({ base: "a", head: "b", changes, surface: [] });
      expect(text.length).toBeLessThanOrEqual(COMMENT_LIMIT);
      const rows = (id: string) => text.match(new RegExp(`\\| \`${id}\` \\|`, "g"))?.length ?? 0;
      const breaking = rows("request-property-max-decreased");
      const warnings = rows("response-property-enum-value-added");
      const info = rows("new-optional-request-property");
      // Every breaking row is kept; a warning goes only once every info row has gone.
      expect(breaking).toBe(count);
      expect(info).toBeLessThan(count);
      if (warnings < count) expect(info).toBe(0);
      if (count === 320) expect(warnings).toBeLessThan(count);
      const left = [
        warnings < count ? `${count - warnings} warnings` : "",
        `${count - info} info`,
      ].filter(Boolean);
      expect(text).toContain(
        `Left out to stay under GitHub's 65,536-character comment limit, least severe first: ${left.join(", ")}.`,
      );
      // The counts still tell the whole story.
      expect(text).toContain(`**${count} breaking**, ${count} warnings, ${count} info`);
    },
  );

  it("prints everything, with no note, when it fits", () => {
    const changes = huge(3);
    const text = formatMarkdown({ base: "a", head: "b", changes, surface: [] });
    expect(text.match(/\| 🔵 info \|/g)).toHaveLength(3);
    expect(text).not.toContain("Left out");
  });

  it("keeps spec text from breaking the table or injecting HTML", () => {
    const hostile = change(
      "request-property-removed",
      "/x",
      "`a|b` removed <img src=x onerror=alert(1)> | cell\nnext",
    );
    const text = formatMarkdown({
      base: "a",
      head: "b",
      changes: [hostile],
      surface: [{ kind: "added", name: "X", detail: "added", after: "type X = '```'" }],
    });
    const row = text.split("\n").find((line) => line.includes("request-property-removed"))!;
    expect(row).toContain("`a\\|b` removed &lt;img src=x onerror=alert(1)> \\| cell next");
    // The code fence is longer than any backtick run inside it.
    expect(text).toContain("````diff");
  });

  it("links each change's lines when they carry a URL", () => {
    const located: Change = {
      ...change("request-property-max-decreased", "/x", "`n` maximum 4 -> 2"),
      where: {
        base: { file: "spec/a.yaml", line: 10 },
        head: {
          file: "spec/a.yaml",
          line: 12,
          url: "https://github.com/o/r/blob/abc/spec/a.yaml#L12",
        },
      },
    };
    const text = formatMarkdown({ base: "a", head: "b", changes: [located], surface: [] });
    expect(text).toContain(
      "| [spec/a.yaml:12](https://github.com/o/r/blob/abc/spec/a.yaml#L12) (was spec/a.yaml:10) |",
    );
  });

  it("keeps a file name from making a link of its own", () => {
    const located: Change = {
      ...change("request-property-removed", "/x", "`n` removed"),
      where: {
        head: {
          file: "spec/[x](https://evil.test).yaml",
          line: 3,
          url: "https://github.com/o/r/blob/abc/spec/%5Bx%5D%28https%3A%2F%2Fevil.test%29.yaml#L3",
        },
      },
    };
    const text = formatMarkdown({ base: "a", head: "b", changes: [located], surface: [] });
    expect(text).toContain(
      "| [spec/\\[x\\](https://evil.test).yaml:3](https://github.com/o/r/blob/abc/spec/%5Bx%5D%28https%3A%2F%2Fevil.test%29.yaml#L3) |",
    );
  });

  it("lists a shared component's change once, under the component, with what it reaches", () => {
    const shared: Change = {
      ...change("response-property-became-nullable", "", "`Image.url` may now be null"),
      method: "",
      component: "#/components/schemas/Image",
      operations: ["POST /a (response 200)", "POST /b (response 200)"],
    };
    const text = formatMarkdown({ base: "a", head: "b", changes: [shared], surface: [] });
    expect(text).toContain("#### `component Image`");
    expect(text).toContain(
      "Reaches 2 operations: `POST /a (response 200)`, `POST /b (response 200)`.",
    );
  });

  it("names under a shared component every operation its rows reach, request side and response side", () => {
    const row = (id: string, operations: string[]): Change => ({
      ...change(id, "", "`Match.exact` may now be null"),
      method: "",
      component: "#/components/schemas/Match",
      operations,
    });
    const text = formatMarkdown({
      base: "a",
      head: "b",
      changes: [
        row("response-property-became-nullable", [
          "GET /a (response 200)",
          "POST /a (response 200)",
        ]),
        row("request-property-became-nullable", ["POST /a (request)", "PUT /a (request)"]),
      ],
      surface: [],
    });
    expect(text).toContain(
      "Reaches 4 operations: `GET /a (response 200)`, `POST /a (request)`, `POST /a (response 200)`, `PUT /a (request)`.",
    );
  });
});
