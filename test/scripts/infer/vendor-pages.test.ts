/**
 * Prose inference on the vendor's own documentation (test/fixtures/vendor-pages/SOURCES.md):
 * apifox pages of the English ChainHub edition and the Chinese anyapi.vip edition, every request
 * field labelled by hand. Precision comes first: a constraint the page does not state rejects
 * valid calls, so not one is allowed; recall must reach 95%.
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

const root = new URL("../../fixtures/vendor-pages/", import.meta.url);
const labels: Labels = JSON.parse(readFileSync(new URL("labels.json", root), "utf8"));
const scored = scorePages(root, labels);
const editions = {
  "English (ChainHub)": scored.filter((s) => s.page.startsWith("chainhub/")),
  "Chinese (anyapi.vip)": scored.filter((s) => s.page.startsWith("anyapi/")),
};

describe(`prose inference on the vendor's own pages (${Object.keys(labels).length} pages, ${scored.length} request fields)`, () => {
  const tallies = tally(scored);
  const { precision, recall, wrong, missed } = figures(tallies);

  it("covers both editions, each field labelled with the description it was labelled for", () => {
    expect(editions["English (ChainHub)"].length).toBeGreaterThanOrEqual(100);
    expect(editions["Chinese (anyapi.vip)"].length).toBeGreaterThanOrEqual(300);
  });

  it(`applies only what the pages state (precision ${(precision * 100).toFixed(1)}%, recall ${(recall * 100).toFixed(1)}%)`, () => {
    const tables = Object.entries(editions).map(([name, part]) =>
      confusionTable(`${name}: ${part.length} fields`, tally(part)),
    );
    console.log(
      [confusionTable(`vendor pages: ${scored.length} fields`, tallies), ...tables].join("\n\n") +
        `\nwrong:\n  ${wrong.join("\n  ")}\nmissed:\n  ${missed.join("\n  ")}`,
    );
    expect(wrong).toEqual([]);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });
});
