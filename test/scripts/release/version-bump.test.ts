import { describe, expect, it } from "vitest";
import type { Change, Level } from "../../../scripts/lib/diff/change.js";
import {
  bumpVersion,
  decideRelease,
  type ReleaseKind,
} from "../../../scripts/lib/release/version-bump.js";

const change = (level: Level, id = "some-rule"): Change => ({
  id,
  level,
  method: "POST",
  path: "/x",
  message: "m",
  source: "spec",
});

describe("the release a spec update calls for", () => {
  it.each<[string, Change[], ReleaseKind | undefined, ReleaseKind]>([
    ["a breaking change", [change("info"), change("breaking")], undefined, "major"],
    ["breaking notes waiting under Unreleased", [change("info")], "major", "major"],
    ["an addition", [change("info", "endpoint-added")], undefined, "minor"],
    ["a warning alone", [change("warning")], undefined, "minor"],
    ["added notes waiting under Unreleased", [], "minor", "minor"],
    ["no contract change", [], undefined, "patch"],
    ["no contract change and fixes waiting", [], "patch", "patch"],
  ])("is a %s -> %s", (_name, changes, unreleased, kind) => {
    expect(decideRelease(changes, unreleased).kind).toBe(kind);
  });
});

describe("bumping the version", () => {
  it.each<[string, ReleaseKind, string]>([
    ["1.4.2", "major", "2.0.0"],
    ["1.4.2", "minor", "1.5.0"],
    ["1.4.2", "patch", "1.4.3"],
    // Before 1.0.0, npm's caret rule: ^0.1.3 accepts 0.1.*, so only the minor signals a break.
    ["0.1.3", "major", "0.2.0"],
    ["0.1.3", "minor", "0.1.4"],
    ["0.1.3", "patch", "0.1.4"],
    ["0.0.7", "major", "0.1.0"],
  ])("%s by a %s release is %s", (from, kind, to) => {
    expect(bumpVersion(from, kind)).toBe(to);
  });

  it.each(["1.0.0-beta.1", "1.0", "v1.0.0", "01.2.3", ""])(
    "refuses %j: a person finishes that",
    (v) => {
      expect(() => bumpVersion(v, "patch")).toThrow("bump it by hand");
    },
  );
});
