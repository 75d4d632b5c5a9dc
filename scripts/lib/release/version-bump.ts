import type { Change } from "../diff/change.js";
import { UpdateSpecError } from "./update-spec-error.js";

export type ReleaseKind = "major" | "minor" | "patch";

/** Why a release is the kind it is, in a sentence for the PR body. */
export interface ReleaseDecision {
  kind: ReleaseKind;
  reason: string;
}

/**
 * The release a spec update calls for, from the diff's own levels: anything breaking is a major;
 * any other change to the contract (an addition, a widening, a warning) is a minor, the smallest
 * bump that tells callers to look; a regeneration without contract changes is a patch. Notes
 * already waiting under "Unreleased" ship in the same release, so their kind counts too.
 */
export function decideRelease(
  changes: Change[],
  unreleased: ReleaseKind | undefined,
): ReleaseDecision {
  const breaking = changes.filter((c) => c.level === "breaking").length;
  if (breaking > 0)
    return {
      kind: "major",
      reason: `${breaking} breaking change${breaking === 1 ? "" : "s"} in the contract`,
    };
  if (unreleased === "major")
    return { kind: "major", reason: "the Unreleased notes of CHANGELOG.md list breaking changes" };
  if (changes.length > 0)
    return {
      kind: "minor",
      reason: `${changes.length} non-breaking change${changes.length === 1 ? "" : "s"} in the contract`,
    };
  if (unreleased === "minor")
    return { kind: "minor", reason: "the Unreleased notes of CHANGELOG.md list additions" };
  return { kind: "patch", reason: "no change to the contract" };
}

/**
 * The next version. Before 1.0.0 the rule is npm's caret range (and Cargo's): `^0.y.z` accepts
 * any `0.y.*`, so the minor is the breaking position there. A breaking change goes 0.1.3 -> 0.2.0
 * and anything else 0.1.3 -> 0.1.4; going to 1.0.0 is a decision for a person, not this tool.
 * Pre-release and build versions are refused: a person set them up and finishes them.
 */
export function bumpVersion(version: string, kind: ReleaseKind): string {
  const match = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.exec(version);
  if (!match)
    throw new UpdateSpecError(
      `package.json's version "${version}" is not MAJOR.MINOR.PATCH: bump it by hand (pre-release versions are not handled)`,
    );
  const [major, minor, patch] = match.slice(1).map(Number) as [number, number, number];
  if (major === 0) return kind === "major" ? `0.${minor + 1}.0` : `0.${minor}.${patch + 1}`;
  if (kind === "major") return `${major + 1}.0.0`;
  if (kind === "minor") return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}
