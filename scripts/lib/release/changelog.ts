import type { Change } from "../diff/change.js";
import { countByLevel, summaryLine } from "../diff/report.js";
import { codeSpan, markdownLine } from "./markdown-text.js";
import type { ReleaseKind } from "./version-bump.js";

/**
 * CHANGELOG.md's format: a preamble, then `## Unreleased` (notes waiting for the next release,
 * under `Breaking:`, `Added:`, `Fixed:` ...), then one `## X.Y.Z - YYYY-MM-DD` section per release,
 * newest first. A release moves the Unreleased notes into its own section, below what the spec
 * update changed, and leaves an empty Unreleased heading for the next ones.
 */
export interface ChangelogParts {
  preamble: string;
  unreleased: string;
  releases: string;
}

const UNRELEASED = /^## Unreleased[^\n]*\n/m;

export function splitChangelog(text: string): ChangelogParts {
  const unreleased = UNRELEASED.exec(text);
  if (!unreleased) {
    const firstRelease = /^## /m.exec(text);
    const at = firstRelease ? firstRelease.index : text.length;
    return { preamble: text.slice(0, at), unreleased: "", releases: text.slice(at) };
  }
  const bodyStart = unreleased.index + unreleased[0].length;
  const next = /^## /m.exec(text.slice(bodyStart));
  const bodyEnd = next ? bodyStart + next.index : text.length;
  return {
    preamble: text.slice(0, unreleased.index),
    unreleased: text.slice(bodyStart, bodyEnd).trim(),
    releases: text.slice(bodyEnd),
  };
}

/** The kind of release the Unreleased notes call for by themselves, if they hold any. */
export function unreleasedKind(notes: string): ReleaseKind | undefined {
  if (notes.trim() === "") return undefined;
  if (/^(#+\s*)?Breaking\b/im.test(notes)) return "major";
  if (/^(#+\s*)?Added\b/im.test(notes)) return "minor";
  return "patch";
}

/** Non-breaking rows listed in the changelog before "and N more": the PR carries the full report. */
const MAX_OTHER_ROWS = 40;

export interface ReleaseEntry {
  version: string;
  /** YYYY-MM-DD. */
  date: string;
  specPath: string;
  sourceLabel: string;
  sha256: string;
  changes: Change[];
}

export function renderRelease(entry: ReleaseEntry, unreleased: string): string {
  const lines = [
    `## ${entry.version} - ${entry.date}`,
    "",
    `Spec update: ${codeSpan(entry.specPath)} replaced by the export from ${codeSpan(entry.sourceLabel)} (sha256 ${codeSpan(entry.sha256.slice(0, 12))}); ${summaryLine(entry.changes)}.`,
  ];
  const breaking = entry.changes.filter((c) => c.level === "breaking");
  const other = entry.changes.filter((c) => c.level !== "breaking");
  if (breaking.length > 0) lines.push("", "Breaking (spec):", "", ...breaking.map(changeLine));
  if (other.length > 0) {
    lines.push("", "Changed (spec):", "", ...other.slice(0, MAX_OTHER_ROWS).map(changeLine));
    if (other.length > MAX_OTHER_ROWS) {
      const { warning } = countByLevel(other.slice(MAX_OTHER_ROWS));
      lines.push(
        `- and ${other.length - MAX_OTHER_ROWS} more (${warning} of them warnings): see the release PR`,
      );
    }
  }
  if (entry.changes.length === 0)
    lines.push("", "No change to callers: the generated code was regenerated.");
  if (unreleased.trim() !== "") lines.push("", unreleased.trim());
  return lines.join("\n") + "\n";
}

function changeLine(change: Change): string {
  const where = change.path === "" ? "whole API" : `${change.method} ${change.path}`;
  const level = change.level === "warning" ? " (warning)" : "";
  return `- ${codeSpan(where)}: ${markdownLine(change.message)}${level} [${codeSpan(change.id)}]`;
}

/** The changelog with `release` as its newest section and an empty Unreleased heading above it. */
export function insertRelease(parts: ChangelogParts, release: string): string {
  const preamble = parts.preamble.trimEnd();
  const releases = parts.releases.trimStart();
  return `${preamble === "" ? "" : preamble + "\n\n"}## Unreleased\n\n${release}${releases === "" ? "" : "\n" + releases}`;
}
