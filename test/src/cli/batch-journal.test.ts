import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Journal, replayJournal } from "../../../src/cli/batch/journal.js";

const freshPath = () => join(mkdtempSync(join(tmpdir(), "batch-journal-")), "journal");
const submitting = (key: string) =>
  ({ t: "submitting", key, digest: `d-${key}`, at: "2026-01-01T00:00:00.000Z" }) as const;

describe("the batch journal", () => {
  it("writes the records made ready together in one append and one fsync, in the order given", async () => {
    const path = freshPath();
    const journal = await Journal.open(path);
    const keys = Array.from({ length: 16 }, (_, i) => `job-${i}`);
    await Promise.all(keys.map((key) => journal.append(submitting(key))));
    expect(journal.commits).toBe(1);
    const lines = readFileSync(path, "utf8").trim().split("\n");
    expect(lines.map((l) => JSON.parse(l).key)).toEqual(keys);
    await journal.close();
  });

  it("has a record on disk by the time its append resolves, and groups the ones that came while writing", async () => {
    const path = freshPath();
    const journal = await Journal.open(path);
    const first = journal.append(submitting("a"));
    let secondWritten = false;
    // Made ready while the first group is on its way: it waits for the next group.
    setImmediate(() => {
      void journal.append(submitting("b")).then(() => (secondWritten = true));
      void journal.append(submitting("c"));
    });
    await first;
    expect(readFileSync(path, "utf8")).toContain('"key":"a"');
    await journal.close();
    expect(secondWritten).toBe(true);
    expect(journal.commits).toBe(2);
    expect([...replayJournal(path).states.keys()]).toEqual(["a", "b", "c"]);
  });
});

describe("a journal left with a torn last line (kill -9 or a full disk mid-write)", () => {
  it("keeps the next run's first record readable instead of gluing it to the torn line", async () => {
    const path = freshPath();
    const torn = `${JSON.stringify(submitting("earlier"))}\n{"t":"submitted","key":"late","dig`;
    writeFileSync(path, torn);
    const journal = await Journal.open(path);
    await journal.append(submitting("next-run"));
    await journal.close();
    const { states } = replayJournal(path);
    expect(states.get("next-run")?.kind).toBe("unknown");
    expect(states.get("earlier")?.kind).toBe("unknown");
    expect(states.has("late")).toBe(false);
  });

  it("adds nothing to a journal whose last line is whole", async () => {
    const path = freshPath();
    const whole = `${JSON.stringify(submitting("a"))}\n`;
    writeFileSync(path, whole);
    const journal = await Journal.open(path);
    await journal.append(submitting("b"));
    await journal.close();
    expect(readFileSync(path, "utf8")).toBe(`${whole}${JSON.stringify(submitting("b"))}\n`);
  });
});
