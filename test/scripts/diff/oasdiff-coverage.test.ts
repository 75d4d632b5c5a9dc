import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Change, Level } from "../../../scripts/lib/diff/change.js";
import { compareDocuments } from "../../../scripts/lib/diff/compare-document.js";
import { RULE_CASES, type RuleCase } from "./pairs/oasdiff-rule-pairs.js";

/**
 * Every ERR and WARN rule of oasdiff's catalogue, run through our diff on a pair of its own: a
 * rule we stop raising turns this red under its name, and COVERAGE.md is rendered from the runs.
 */
const FIXTURES = new URL("../../fixtures/diff-rules/", import.meta.url);
const LEVEL_OF: Record<string, Level> = { ERR: "breaking", WARN: "warning" };

interface CatalogueRule {
  id: string;
  level: "ERR" | "WARN";
  description: string;
}

/** The kept table of oasdiff-rules.md (the rows above "## Left out"). */
function readCatalogue(): CatalogueRule[] {
  const text = readFileSync(fileURLToPath(new URL("oasdiff-rules.md", FIXTURES)), "utf8");
  return text
    .split("## Left out")[0]!
    .split("\n")
    .filter((line) => /^\| [a-z0-9]+-[a-z0-9-]+ \|/.test(line))
    .map((line) => line.slice(2, -2).split(" | "))
    .map(([id, level, , , , description]) => ({
      id: id!,
      level: level as "ERR" | "WARN",
      description: description!,
    }));
}

const CATALOGUE = readCatalogue();
const BY_ID = new Map(CATALOGUE.map((rule) => [rule.id, rule]));
const SEVERITY: Record<Level, number> = { breaking: 2, warning: 1, info: 0 };

type Verdict = "same id and level" | "another id" | "missed" | "not applicable";

function verdictOf(rule: RuleCase, changes: Change[]): Verdict {
  if (rule.notApplicable) return "not applicable";
  if (changes.some((c) => c.id === rule.rule)) return "same id and level";
  const ids = new Set(changes.map((c) => c.id));
  if (rule.as && rule.as.every((id) => ids.has(id))) return "another id";
  return "missed";
}

const RUNS = RULE_CASES.map((rule) => ({
  rule,
  changes: rule.base && rule.head ? compareDocuments(rule.base, rule.head) : [],
}));

describe("oasdiff's breaking-change catalogue", () => {
  it("has one pair (or a reason there is none) for every ERR and WARN rule it keeps", () => {
    const cased = RULE_CASES.map((c) => c.rule);
    expect(CATALOGUE.length).toBeGreaterThan(200);
    expect(CATALOGUE.map((r) => r.id).filter((id) => !cased.includes(id))).toEqual([]);
    expect(cased.filter((id) => !BY_ID.has(id))).toEqual([]);
    expect(new Set(cased).size).toBe(cased.length);
  });

  it.each(
    RUNS.filter((run) => !run.rule.notApplicable).map((run) => [run.rule.rule, run] as const),
  )("%s", (id, { rule, changes }) => {
    const wanted = LEVEL_OF[BY_ID.get(id)!.level]!;
    const verdict = verdictOf(rule, changes);
    if (rule.missed) {
      // A known miss, stated in COVERAGE.md: once caught, the table must say so.
      expect(verdict).toBe("missed");
      expect(BY_ID.get(id)!.level === "ERR" && !rule.missed.includes("caller")).toBe(false);
      return;
    }
    expect(verdict).toBe(rule.as ? "another id" : "same id and level");
    const ours = rule.as
      ? changes.filter((c) => rule.as!.includes(c.id))
      : changes.filter((c) => c.id === id);
    // Under its own id at oasdiff's level; under another, at least as severe.
    if (!rule.as) expect(ours.map((c) => c.level)).toContain(wanted);
    else
      expect(Math.max(...ours.map((c) => SEVERITY[c.level]))).toBeGreaterThanOrEqual(
        SEVERITY[wanted],
      );
  });

  it("keeps COVERAGE.md in step with what the diff reports (vitest -u rewrites it)", async () => {
    await expect(renderCoverage()).toMatchFileSnapshot(
      fileURLToPath(new URL("COVERAGE.md", FIXTURES)),
    );
  });
});

function renderCoverage(): string {
  const rows = RUNS.map(({ rule, changes }) => {
    const catalogue = BY_ID.get(rule.rule)!;
    const verdict = verdictOf(rule, changes);
    const reported = changes.map((c) => `\`${c.id}\` (${c.level})`).join(", ");
    const note = rule.notApplicable ?? rule.missed ?? rule.note ?? "";
    return { catalogue, verdict, reported, note };
  });
  const count = (level: string, verdict: Verdict) =>
    rows.filter((r) => r.catalogue.level === level && r.verdict === verdict).length;
  const summary = (["ERR", "WARN"] as const).map(
    (level) =>
      `| ${level} | ${rows.filter((r) => r.catalogue.level === level).length} | ${count(level, "same id and level")} | ${count(level, "another id")} | ${count(level, "missed")} | ${count(level, "not applicable")} |`,
  );
  return [
    "# Our spec diff against oasdiff's ERR and WARN rules",
    "",
    "Rendered by `test/scripts/diff/oasdiff-coverage.test.ts` (`npx vitest run test/scripts/diff/oasdiff-coverage.test.ts -u`",
    "rewrites it) from running `npm run diff`'s comparison on one minimal base/head pair per rule; the pairs",
    "are `test/scripts/diff/pairs/oasdiff-rule-pairs.ts`, the rules `oasdiff-rules.md` (oasdiff at the commit it",
    'names). Levels: ERR = breaking, WARN = warning. "another id" means our diff reports the change under its',
    'own id, at a level at least as severe; "reported" lists every change the pair produced.',
    "",
    "| level | rules | same id and level | another id | missed | not applicable |",
    "| --- | --- | --- | --- | --- | --- |",
    ...summary,
    "",
    "| oasdiff rule | level | verdict | reported | note |",
    "| --- | --- | --- | --- | --- |",
    ...rows.map(
      (r) =>
        `| ${r.catalogue.id} | ${r.catalogue.level} | ${r.verdict} | ${r.reported || "nothing"} | ${r.note} |`,
    ),
    "",
  ].join("\n");
}
