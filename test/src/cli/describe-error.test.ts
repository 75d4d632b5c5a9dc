import { mkdtempSync } from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeError } from "../../../src/cli/describe-error.js";
import { withPath } from "../../../src/cli/fs-problem.js";

describe("describeError", () => {
  it("says a file system failure in words with its path, as the machine's state rather than an internal error", async () => {
    const folder = mkdtempSync(join(tmpdir(), "describe-error-"));
    const error = await open(folder, "a").catch((e: unknown) => e);
    expect(describeError(error)).toEqual({
      message: `open ${folder}: it is a folder (EISDIR)`,
      code: 1,
    });
  });

  it("names the file of a failed write on an open handle, which Node reports without it", () => {
    const full = Object.assign(new Error("ENOSPC: no space left on device, write"), {
      code: "ENOSPC",
      errno: -28,
      syscall: "write",
    });
    expect(describeError(withPath(full, "out/.kontext-batch.journal")).message).toBe(
      "write out/.kontext-batch.journal: no space left on device (ENOSPC)",
    );
  });

  it("keeps calling our own bugs internal errors", () => {
    expect(describeError(new TypeError("x is not a function")).message).toBe(
      "internal error: x is not a function (--debug shows the stack trace)",
    );
  });
});
