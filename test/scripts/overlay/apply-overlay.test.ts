import { describe, expect, it } from "vitest";
import { applyOverlay } from "../../../scripts/lib/overlay/apply-overlay.js";
import { codes, collector } from "../../helpers/diagnostics.js";

const overlay = (actions: unknown[]) => ({
  overlay: "1.0.0",
  info: { title: "t", version: "1" },
  actions,
});

function document() {
  return {
    tags: [{ name: "a" }],
    paths: {
      "/a": { post: { summary: "A", responses: { "200": { description: "" } } } },
      "/b": { post: { summary: "B" }, get: { summary: "G" } },
    },
  };
}

describe("applyOverlay", () => {
  it("merges updates into every object a wildcard target selects, recursively", () => {
    const doc = document();
    applyOverlay(
      doc,
      overlay([
        {
          target: "$.paths[*].post",
          update: { "x-q": {}, responses: { "422": { description: "v" } } },
        },
      ]),
      collector(),
    );
    expect(doc.paths["/a"].post).toEqual({
      summary: "A",
      "x-q": {},
      responses: { "200": { description: "" }, "422": { description: "v" } },
    });
    expect(doc.paths["/b"].post).toMatchObject({ "x-q": {} });
    expect(doc.paths["/b"].get).toEqual({ summary: "G" });
  });

  it("appends an update to a selected array", () => {
    const doc = document();
    applyOverlay(doc, overlay([{ target: "$.tags", update: { name: "b" } }]), collector());
    expect(doc.tags).toEqual([{ name: "a" }, { name: "b" }]);
  });

  it("removes selected nodes, including by filter expression", () => {
    const doc = document();
    applyOverlay(
      doc,
      overlay([
        { target: "$.paths['/b'].get", remove: true },
        { target: "$.tags[?@.name == 'a']", remove: true },
      ]),
      collector(),
    );
    expect(doc.paths["/b"]).toEqual({ post: { summary: "B" } });
    expect(doc.tags).toEqual([]);
  });

  it("applies actions in order, so a removal can be followed by a fresh value", () => {
    const doc = document();
    applyOverlay(
      doc,
      overlay([
        { target: "$.paths['/a'].post.responses['200']", remove: true },
        { target: "$.paths['/a'].post.responses", update: { "200": { description: "new" } } },
      ]),
      collector(),
    );
    expect(doc.paths["/a"].post.responses).toEqual({ "200": { description: "new" } });
  });

  it("reports a target that matches nothing as an error at the action", () => {
    const diagnostics = collector("o.yaml");
    applyOverlay(
      document(),
      overlay([{ target: "$.paths['/gone'].post", update: { summary: "x" } }]),
      diagnostics,
    );
    expect(diagnostics.errors).toHaveLength(1);
    expect(diagnostics.errors[0]).toMatchObject({
      code: "overlay-stale-target",
      location: { file: "o.yaml", pointer: "#/actions/0/target" },
    });
  });

  it.each([
    ["an invalid JSONPath", [{ target: "$.paths[", update: {} }], "overlay-bad-jsonpath"],
    ["an action without update or remove", [{ target: "$.paths" }], "overlay-invalid-action"],
    [
      "an update on a scalar",
      [{ target: "$.paths['/a'].post.summary", update: { x: 1 } }],
      "overlay-incompatible-update",
    ],
  ])("rejects %s", (_name, actions, code) => {
    const diagnostics = collector();
    applyOverlay(document(), overlay(actions), diagnostics);
    expect(codes(diagnostics)).toEqual([code]);
  });

  it("rejects a document that is not an Overlay 1.0", () => {
    const diagnostics = collector();
    applyOverlay(
      document(),
      { overlay: "2.0.0", info: { title: "t", version: "1" }, actions: [] },
      diagnostics,
    );
    expect(codes(diagnostics)).toEqual(["overlay-invalid"]);
  });
});

describe("redundant overlay actions", () => {
  const run = (actions: unknown[]) => {
    const diagnostics = collector();
    applyOverlay(document(), overlay(actions), diagnostics);
    return diagnostics.items.filter((d) => d.code === "overlay-action-redundant");
  };

  it("notes an action whose every match already states what it adds", () => {
    const [note] = run([{ target: "$.paths['/a'].post", update: { summary: "A" } }]);
    expect(note?.severity).toBe("info");
    expect(note?.message).toContain(
      "action 0 ($.paths['/a'].post) changes nothing: the export already states \"summary\"",
    );
  });

  it("says nothing when any match or any key still changes", () => {
    expect(run([{ target: "$.paths[*].post", update: { summary: "A" } }])).toEqual([]);
    expect(run([{ target: "$.paths['/a'].post", update: { summary: "A", x: 1 } }])).toEqual([]);
    // Appending to an array always adds.
    expect(run([{ target: "$.tags", update: { name: "a" } }])).toEqual([]);
  });

  it("updates and removes what a wildcard selects under keys with quotes, backslashes or controls", () => {
    // The JSONPath library hands matches back as normalized-path segments (`a\'b`), escaped.
    const keys = ["/a'b", "/c\\d", "/e\u001bf", "/g\nh"];
    const doc: { paths: Record<string, { post: Record<string, unknown> }> } = {
      paths: Object.fromEntries(keys.map((key) => [key, { post: { summary: key } }])),
    };
    const diagnostics = collector();
    applyOverlay(
      doc,
      overlay([{ target: "$.paths[*].post", update: { "x-q": true } }]),
      diagnostics,
    );
    expect(codes(diagnostics)).toEqual([]);
    for (const key of keys) expect(doc.paths[key]!.post).toEqual({ summary: key, "x-q": true });
    applyOverlay(doc, overlay([{ target: "$.paths[*].post.summary", remove: true }]), diagnostics);
    expect(codes(diagnostics)).toEqual([]);
    for (const key of keys) expect(doc.paths[key]!.post).toEqual({ "x-q": true });
  });
});
