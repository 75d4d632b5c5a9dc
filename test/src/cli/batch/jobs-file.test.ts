import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readJobs } from "../../../../src/cli/batch/jobs-file.js";

const line = (id: string) => JSON.stringify({ id, prompt: "p", image_url: "https://x.test/a.png" });

describe("readJobs", () => {
  it("reads a jobs file saved with a byte-order mark (Notepad's UTF-8) and CRLF line ends", () => {
    const path = join(mkdtempSync(join(tmpdir(), "jobs-file-")), "jobs.jsonl");
    writeFileSync(path, `\ufeff${line("first")}\r\n${line("second")}\r\n`);
    const { jobs, bad } = readJobs(path, "falAiFluxProKontextMax");
    expect(bad).toEqual([]);
    expect(jobs.map((j) => [j.key, j.line])).toEqual([
      ["first", 1],
      ["second", 2],
    ]);
  });
});
