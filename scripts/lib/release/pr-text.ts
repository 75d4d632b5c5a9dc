import { STICKY_MARKER, formatMarkdown } from "../diff/format-markdown.js";
import { summaryLine, type DiffReport } from "../diff/report.js";
import { capMarkdown } from "../github/cap-markdown.js";
import { codeSpan } from "./markdown-text.js";
import type { ReleaseDecision } from "./version-bump.js";

export interface PullRequestText {
  title: string;
  body: string;
}

export interface ReleaseSummary {
  specPath: string;
  sourceLabel: string;
  sha256: string;
  from: string;
  to: string;
  decision: ReleaseDecision;
  report: DiffReport;
}

/** The release PR: a title that says the version and its kind, and the diff's report as body. */
export function pullRequestText(summary: ReleaseSummary): PullRequestText {
  const { decision, report } = summary;
  const title = `Spec update: release ${summary.to} (${decision.kind}; ${summaryLine(report.changes)})`;
  const intro = [
    `Replaces ${codeSpan(summary.specPath)} with the export from ${codeSpan(summary.sourceLabel)} (sha256 ${codeSpan(summary.sha256)}), regenerates \`generated/\` and bumps the version ${summary.from} -> **${summary.to}**: a ${decision.kind} release${summary.from.startsWith("0.") && decision.kind === "major" ? " (before 1.0.0 the minor number marks a breaking release)" : ""}, because ${decision.reason}.`,
    "",
    "Made by `npm run update-spec`; CHANGELOG.md has the entry.",
    "",
  ].join("\n");
  // The report is the diff's own markdown; the marker only means something on the sticky comment.
  const reportMarkdown = formatMarkdown(report).replace(STICKY_MARKER + "\n", "");
  return {
    title,
    body: capMarkdown(
      intro + "\n" + reportMarkdown,
      "printed by `npm run diff` on the release branch",
    ),
  };
}
