/**
 * Precision and recall of prose inference on 400 real, hand-labelled descriptions
 * (test/fixtures/prose-corpus/SOURCES.md). Precision comes first: an applied constraint that the
 * prose does not state rejects valid calls, so its floor is higher than recall's.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
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
const KEYWORDS = [
  "enum",
  "minimum",
  "maximum",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "default",
];

function applied(entry: Entry): Record<string, unknown> {
  const schema: Record<string, unknown> = { type: entry.type, description: entry.description };
  inferConstraints({ components: { schemas: { P: schema } } }, collector());
  return Object.fromEntries(KEYWORDS.filter((k) => k in schema).map((k) => [k, schema[k]]));
}

/** One count per keyword: right (applied as labelled), wrong (applied, not labelled so), missed. */
function score() {
  let right = 0;
  const wrong: string[] = [];
  const missed: string[] = [];
  for (const entry of corpus) {
    const got = applied(entry);
    for (const keyword of KEYWORDS) {
      const has = keyword in got;
      const wants = keyword in entry.expected;
      const same = JSON.stringify(got[keyword]) === JSON.stringify(entry.expected[keyword]);
      if (has && wants && same) right++;
      else {
        if (has)
          wrong.push(
            `${keyword}=${JSON.stringify(got[keyword])} in ${JSON.stringify(entry.description)}`,
          );
        if (wants)
          missed.push(
            `${keyword}=${JSON.stringify(entry.expected[keyword])} in ${JSON.stringify(entry.description)}`,
          );
      }
    }
  }
  return { right, wrong, missed };
}

describe("prose inference on 400 labelled real descriptions", () => {
  const { right, wrong, missed } = score();
  const precision = right / (right + wrong.length);
  const recall = right / (right + missed.length);

  it("is labelled: 400 entries, each with a source", () => {
    expect(corpus).toHaveLength(400);
    expect(corpus.every((e) => e.source.length > 0)).toBe(true);
  });

  it(`applies what the prose states (precision ${(precision * 100).toFixed(1)}%, recall ${(recall * 100).toFixed(1)}%)`, () => {
    // The known wrong and missed ones, so a change that adds another shows up by name.
    expect(wrong).toEqual([
      'default="yesterday" in "Optional day to query. Only the date component of the timestamp will be considered. Default: yesterday."',
    ]);
    expect(missed).toHaveLength(4);
    expect(precision).toBeGreaterThanOrEqual(0.98);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
