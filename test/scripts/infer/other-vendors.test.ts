/**
 * Prose inference on apifox pages of other vendors (test/fixtures/other-vendors/SOURCES.md),
 * labelled by hand: prose the inference was not written against. No wrong constraint at all,
 * and recall of 95%.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  confusionTable,
  figures,
  scorePages,
  tally,
  type Labels,
} from "../../helpers/labelled-pages.js";

const root = new URL("../../fixtures/other-vendors/", import.meta.url);
const labels: Labels = JSON.parse(readFileSync(new URL("labels.json", root), "utf8"));
const scored = scorePages(root, labels);

describe(`prose inference on other vendors' apifox pages (${Object.keys(labels).length} pages, ${scored.length} request fields)`, () => {
  const tallies = tally(scored);
  const { precision, recall, wrong, missed } = figures(tallies);

  it(`applies only what the pages state (precision ${(precision * 100).toFixed(1)}%, recall ${(recall * 100).toFixed(1)}%)`, () => {
    console.log(
      confusionTable(`other vendors: ${scored.length} fields`, tallies) +
        `\nwrong:\n  ${wrong.join("\n  ")}\nmissed:\n  ${missed.join("\n  ")}`,
    );
    expect(wrong).toEqual([]);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });
});
