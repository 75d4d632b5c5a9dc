import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkDrift, formatDrift } from "../../../scripts/lib/write/check-drift.js";

// eslint-disable-next-line no-control-regex
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe("generate --check", () => {
  it("shows the first differing line with its control characters as escapes", async () => {
    const out = mkdtempSync(join(tmpdir(), "drift-"));
    // openapi.json keeps what JSON.stringify leaves raw: C1 controls and bidirectional overrides.
    writeFileSync(join(out, "openapi.json"), '{\n  "description": "old \u202Eevil\u009b2K"\n}\n');
    const files = new Map([["openapi.json", '{\n  "description": "new \u202Eevil\u009b2K"\n}\n']]);
    const text = formatDrift(out, await checkDrift(out, files));
    expect(text).toContain(":2: differs");
    expect(text).not.toMatch(ACTIVE);
    expect(text).toContain('expected:   "description": "new \\u202eevil\\u009b2K"');
  });
});
