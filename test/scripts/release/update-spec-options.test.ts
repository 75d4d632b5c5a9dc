import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveUpdateSpecOptions } from "../../../scripts/lib/release/update-spec-options.js";

const cwd = mkdtempSync(join(tmpdir(), "update-spec-options-"));
writeFileSync(join(cwd, "body.json"), '{"exportFormat":"YAML"}');
writeFileSync(join(cwd, "body.txt"), "exportFormat=YAML");
const resolve = (argv: string[], env: Record<string, string> = {}) =>
  resolveUpdateSpecOptions(argv, cwd, env);

describe("update-spec's command line", () => {
  it("takes the token from the variable --token-env names, and defaults every bound", async () => {
    const options = await resolve(["https://x.example/e", "--token-env", "VENDOR_TOKEN"], {
      VENDOR_TOKEN: "t0k",
      CHAINHUB_EXPORT_TOKEN: "other",
    });
    expect(options).toMatchObject({
      source: "https://x.example/e",
      dryRun: false,
      read: { token: "t0k", maxBytes: 52_428_800, timeoutMs: 60_000, headers: {} },
    });
  });

  it("reads --post as a JSON body and --header as lower-cased headers", async () => {
    const options = await resolve([
      "https://x.example/e",
      "--post",
      "body.json",
      "--header",
      "X-Apifox-Api-Version: 2024-03-28",
    ]);
    expect(options).toMatchObject({
      read: {
        postBody: '{"exportFormat":"YAML"}',
        headers: { "x-apifox-api-version": "2024-03-28" },
      },
    });
  });

  it.each([
    [["a", "b"], "expected one export, a file or a URL; got 2"],
    [["x", "--max-bytes", "0"], "--max-bytes must be a positive whole number"],
    [["x", "--timeout-ms", "1e3"], "--timeout-ms must be a positive whole number"],
    [["x", "--post", "body.txt"], "--post body.txt: not JSON"],
    [["x", "--post", "missing.json"], "--post missing.json: cannot read (ENOENT)"],
    [["x", "--header", "no colon"], '--header must be "Name: value"'],
    [["x", "--header", "X-A: 1\r\nX-B: 2"], '--header must be "Name: value"'],
    [["x", "--nope"], "Unknown option '--nope'"],
  ])("refuses %j", async (argv, message) => {
    await expect(resolve(argv)).rejects.toThrow(message);
  });

  it("refuses a token on the command line, where every process can read it, without echoing it", async () => {
    const error = await resolve(["x", "--header", "Authorization: Bearer sk-secret"]).catch(
      (e: Error) => e,
    );
    expect(String(error)).toContain("--header cannot set Authorization");
    expect(String(error)).not.toContain("sk-secret");
  });
});
