/**
 * Precision and recall of prose inference on 400 real, hand-labelled descriptions
 * (test/fixtures/prose-corpus/SOURCES.md). Precision comes first: an applied constraint that the
 * prose does not state rejects valid calls, so its floor is higher than recall's.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { VALUE_KEYWORDS } from "../../../scripts/lib/infer/admits.js";
import { inferConstraints } from "../../../scripts/lib/infer/infer-constraints.js";
import { collector } from "../../helpers/diagnostics.js";

interface Entry {
  source: string;
  type: string;
  description: string;
  expected: Record<string, unknown>;
}

const corpus: Entry[] = JSON.parse(
  readFileSync(new URL("../../fixtures/prose-corpus/descriptions.json", import.meta.url), "utf8"),
);
const KEYWORDS = [...VALUE_KEYWORDS, "default"];

function applied(entry: Entry): Record<string, unknown> {
  const schema: Record<string, unknown> = { type: entry.type, description: entry.description };
  inferConstraints({ components: { schemas: { P: schema } } }, collector());
  return Object.fromEntries(KEYWORDS.filter((k) => k in schema).map((k) => [k, schema[k]]));
}

interface Tally {
  right: number;
  wrong: string[];
  missed: string[];
}

/** Per keyword: right (applied as labelled), wrong (applied, not so labelled), missed. */
function score(): Map<string, Tally> {
  const tallies = new Map(KEYWORDS.map((k) => [k, { right: 0, wrong: [], missed: [] } as Tally]));
  for (const entry of corpus) {
    const got = applied(entry);
    for (const keyword of KEYWORDS) {
      const tally = tallies.get(keyword)!;
      const has = keyword in got;
      const wants = keyword in entry.expected;
      const text = JSON.stringify(entry.description);
      if (has && wants && JSON.stringify(got[keyword]) === JSON.stringify(entry.expected[keyword]))
        tally.right++;
      else {
        if (has) tally.wrong.push(`${keyword}=${JSON.stringify(got[keyword])} in ${text}`);
        if (wants)
          tally.missed.push(`${keyword}=${JSON.stringify(entry.expected[keyword])} in ${text}`);
      }
    }
  }
  return tallies;
}

function confusionTable(tallies: Map<string, Tally>): string {
  const rows = [...tallies].map(([k, t]) => [k, t.right, t.wrong.length, t.missed.length]);
  const total = (i: number) => rows.reduce((sum, row) => sum + (row[i] as number), 0);
  rows.push(["all", total(1), total(2), total(3)]);
  return [["keyword", "right", "wrong", "missed"], ...rows]
    .map((row) => row.map((cell) => String(cell).padEnd(10)).join(""))
    .join("\n");
}

describe(`prose inference on ${corpus.length} labelled real descriptions`, () => {
  const tallies = score();
  const all = [...tallies.values()];
  const right = all.reduce((sum, t) => sum + t.right, 0);
  const wrong = all.flatMap((t) => t.wrong);
  const missed = all.flatMap((t) => t.missed);
  const precision = right / (right + wrong.length);
  const recall = right / (right + missed.length);

  it("is labelled: at least 400 entries, English and Chinese, each with a source", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(400);
    expect(
      corpus.filter((e) => /[\u4e00-\u9fff]/.test(e.description)).length,
    ).toBeGreaterThanOrEqual(50);
    expect(corpus.every((e) => e.source.length > 0)).toBe(true);
  });

  it(`applies only what the prose states (precision ${(precision * 100).toFixed(1)}%, recall ${(recall * 100).toFixed(1)}%)`, () => {
    console.log(
      `${confusionTable(tallies)}\nprecision ${(precision * 100).toFixed(1)}%, recall ${(recall * 100).toFixed(1)}%\nmissed:\n  ${missed.join("\n  ")}`,
    );
    // Every applied constraint is one the text states: a wrong one rejects valid calls.
    expect(wrong).toEqual([]);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
