import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliEnv, collect, runCli } from "../../helpers/run-cli.js";
import { diffCommand, generateCommand, repoRoot } from "../../helpers/run-generate.js";

/**
 * Every user mistake, in every command we ship, is one line naming what is wrong and the
 * documented exit code (2: bad input, nothing done) — never a stack trace.
 */
const work = mkdtempSync(join(tmpdir(), "bad-invocations-"));
const jobs = join(work, "jobs.jsonl");
writeFileSync(jobs, '{"prompt":"p","image_url":"https://x.test/a.png"}\n');
const aFile = join(work, "a-file");
writeFileSync(aFile, "not a folder");
const KEY = { CHAINHUB_API_KEY: "sk-bad-invocations-0000" };
// A closed loopback port: a case that wrongly got as far as sending fails fast, offline.
const OFFLINE = { ...KEY, CHAINHUB_BASE_URL: "http://127.0.0.1:9" };
const notes = join(work, "notes.png");
writeFileSync(notes, "shopping list: flour, sugar, donuts\n");

type Case = [tool: string, args: string[], env: Record<string, string>, message: RegExp];

const CASES: Case[] = [
  ["kontext", [], {}, /no command given/],
  ["kontext", ["frob"], {}, /unknown command "frob"/],
  ["kontext", ["run"], {}, /kontext run needs an operation/],
  ["kontext", ["run", "noSuchModel"], {}, /unknown operation "noSuchModel"/],
  [
    "kontext",
    ["--contract", "/no/such/folder", "operations"],
    {},
    /--contract \/no\/such\/folder: not a generated folder/,
  ],
  [
    "kontext",
    ["edit", "--prompt", "p", "--image", "https://x.test/a.png"],
    {},
    /no API key: set CHAINHUB_API_KEY in the environment .*, or add --emulator/,
  ],
  [
    "kontext",
    ["edit", "--prompt", "p", "--image", "https://x.test/a.png", "--base-url", "not-a-url"],
    KEY,
    /--base-url "not-a-url" is not an absolute URL/,
  ],
  [
    "kontext",
    ["edit", "--prompt", "p", "--image", "https://x.test/a.png"],
    { ...KEY, CHAINHUB_BASE_URL: "relay.example" },
    /CHAINHUB_BASE_URL "relay.example" is not an absolute URL/,
  ],
  [
    "kontext",
    ["edit", "--prompt", "p", "--image", notes],
    OFFLINE,
    /--image: file .*notes\.png is not an image \(text; expected PNG, JPEG, GIF, WebP, AVIF, HEIC, BMP or TIFF, recognised by their first bytes\)/,
  ],
  [
    "kontext",
    ["edit", "--prompt", "p", "--image", "ftp://x.test/a.png"],
    OFFLINE,
    /--image takes a local path, an https: URL or a data: URI; got a ftp: URL/,
  ],
  [
    "kontext",
    ["edit", "--prompt", "p", "--image", "http://x.test/a.png"],
    OFFLINE,
    /--image: plain http: is accepted only for 127\.0\.0\.1, ::1 and localhost/,
  ],
  ["kontext", ["edit", "--prompt", "p", "--image", ""], OFFLINE, /--image needs a value/],
  [
    "kontext",
    ["edit", "--prompt", "p", "--image", "x", "--num-images", "lots"],
    KEY,
    /--num-images must be a whole number/,
  ],
  ["kontext", ["edit", "--prompt", "p", "--bogus"], KEY, /unknown flag --bogus/],
  ["kontext", ["edit", "--image", "https://x.test/a.png"], KEY, /missing --prompt/],
  [
    "kontext",
    ["edit", "--prompt", "p", "--image", "x", "--timeout", "soon"],
    KEY,
    /--timeout must be a positive number/,
  ],
  ["kontext", ["batch"], {}, /needs exactly one jobs file/],
  ["kontext", ["batch", join(work, "missing.jsonl")], {}, /cannot read jobs file .*: no such file/],
  ["kontext", ["batch", work], {}, /cannot read jobs file .*: it is a folder/],
  [
    "kontext",
    ["batch", jobs, "--concurrency", "0"],
    {},
    /--concurrency must be a whole number from 1 to 64/,
  ],
  [
    "kontext",
    ["batch", jobs, "--out", aFile],
    KEY,
    /cannot save into .*a-file: a file is in the way/,
  ],
  [
    "kontext",
    ["edit", "--prompt", "p", "--image", "https://x.test/a.png", "--out", aFile],
    OFFLINE,
    /cannot save into .*a-file: a file is in the way/,
  ],
  ["emulator", ["--port", "abc"], {}, /--port must be a number from 0 to 65535, got "abc"/],
  ["emulator", ["--port", "70000"], {}, /--port must be a number from 0 to 65535/],
  ["emulator", ["--bogus"], {}, /Unknown option '--bogus'/],
  ["emulator", ["--host", "0.0.0.0"], {}, /--host must be a loopback address/],
  ["emulator", ["--image-scale", "0"], {}, /--image-scale must be a number from 0.01 to 4/],
  ["generate", ["--bogus"], {}, /Unknown option '--bogus'/],
  [
    "generate",
    ["--spec", join(work, "missing.yaml"), "--out", join(work, "g")],
    {},
    /missing\.yaml: cannot read \(ENOENT\)/,
  ],
  ["generate", ["--overlays", join(work, "no-such-dir")], {}, /overlay folder .* cannot be read/],
  ["diff", [], {}, /expected two specs, <base> and <head>, got 0/],
  ["diff", ["spec/chainhub-fal-ai.apifox.yaml"], {}, /expected two specs/],
  ["diff", ["a.yaml", "b.yaml", "--format", "xml"], {}, /--format must be text, markdown or json/],
  [
    "diff",
    ["a.yaml", "b.yaml", "--fail-on", "sometimes"],
    {},
    /--fail-on must be breaking, warning or none/,
  ],
  ["diff", ["a.yaml", "b.yaml", "--bogus"], {}, /Unknown option '--bogus'/],
  [
    "diff",
    [join(work, "missing.yaml"), "spec/chainhub-fal-ai.apifox.yaml"],
    {},
    /missing\.yaml: cannot read \(ENOENT\)/,
  ],
];

/** How npm runs each tool (`npm run generate` and `npm run diff` run prebuilt bundles). */
const COMMAND: Record<string, (args: string[]) => string[]> = {
  emulator: (args) => ["--import", "tsx", "src/emulator/cli.ts", ...args],
  generate: generateCommand,
  diff: diffCommand,
};

function run(tool: string, args: string[], env: Record<string, string>) {
  if (tool === "kontext") return runCli(args, { cwd: repoRoot, env: cliEnv(env) });
  return collect(
    spawn(process.execPath, COMMAND[tool]!(args), {
      cwd: repoRoot,
      env: cliEnv(env),
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
}

describe("bad invocations get one clear line and exit 2", () => {
  it.each(CASES)("%s %j", async (tool, args, env, message) => {
    const result = await run(tool, args, env);
    expect(result.status, result.stderr).toBe(2);
    const errorLines = result.stderr.split("\n").filter((line) => line.startsWith(`${tool}: `));
    expect(errorLines, result.stderr).toHaveLength(1);
    expect(errorLines[0]).toMatch(message);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    // Written for the command line: flags and environment variables, not library calls.
    expect(result.stderr).not.toMatch(/createClient|fileFrom|\{ ?\w+ ?\}/);
  });
});
