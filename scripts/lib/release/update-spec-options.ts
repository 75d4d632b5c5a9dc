import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { ReadExportOptions } from "./read-export.js";
import { UpdateSpecError } from "./update-spec-error.js";

export const USAGE = `Usage: npm run update-spec -- <file|url> [options]

Replaces the vendor export in spec/ byte for byte, regenerates generated/, diffs the contract
against the export it replaces, bumps package.json's version by what the diff finds (breaking:
major; any other contract change: minor; none: patch; before 1.0.0, breaking: minor and the
rest: patch) and writes the CHANGELOG.md entry. Prints a PR title, a blank line and the PR body.
A failure at any step leaves spec/, generated/, package.json (and its lock) and CHANGELOG.md
as they were.

Options:
  --dry-run            write nothing; print the title and body the update would have
  --token-env <name>   environment variable holding the URL's token, sent as a Bearer token
                       to that URL's origin only and never printed (default: CHAINHUB_EXPORT_TOKEN)
  --post <file>        POST this JSON file to the URL instead of a GET (apifox's open API
                       exports with POST /v1/projects/<id>/export-openapi and such a body)
  --header <h: value>  another request header for the URL's origin, e.g.
                       "X-Apifox-Api-Version: 2024-03-28"; repeatable (not for the token)
  --max-bytes <n>      refuse a larger export (default: 52428800)
  --timeout-ms <n>     give up a download after this long (default: 60000)
  -h, --help           show this help

A URL must be https: (http: only to loopback). The release date is today (UTC), or the day of
SOURCE_DATE_EPOCH when it is set.`;

/** The command line, resolved once: where the export comes from and how it is read. */
export interface UpdateSpecOptions {
  source: string;
  dryRun: boolean;
  read: ReadExportOptions;
}

/** "help" for --help; otherwise every option checked and defaulted. Bad usage is an UpdateSpecError. */
export async function resolveUpdateSpecOptions(
  argv: string[],
  cwd: string,
  env: Record<string, string | undefined>,
): Promise<UpdateSpecOptions | "help"> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        "dry-run": { type: "boolean", default: false },
        "token-env": { type: "string", default: "CHAINHUB_EXPORT_TOKEN" },
        "max-bytes": { type: "string", default: String(50 * 1024 * 1024) },
        "timeout-ms": { type: "string", default: "60000" },
        post: { type: "string" },
        header: { type: "string", multiple: true },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    throw new UpdateSpecError(`${(error as Error).message} (see --help)`);
  }
  const { values, positionals } = parsed;
  if (values.help) return "help";
  if (positionals.length !== 1)
    throw new UpdateSpecError(
      `expected one export, a file or a URL; got ${positionals.length} (see --help)`,
    );
  return {
    source: positionals[0]!,
    dryRun: values["dry-run"],
    read: {
      cwd,
      token: env[values["token-env"]] || undefined,
      maxBytes: positiveInteger("--max-bytes", values["max-bytes"]),
      timeoutMs: positiveInteger("--timeout-ms", values["timeout-ms"]),
      headers: parseHeaders(values.header ?? []),
      ...(values.post === undefined ? {} : { postBody: await readJsonBody(cwd, values.post) }),
    },
  };
}

function parseHeaders(lines: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const match = /^([A-Za-z0-9!#$%&'*+.^_`|~-]+):\s*([^\r\n]*)$/.exec(line);
    if (!match)
      throw new UpdateSpecError(`--header must be "Name: value", got "${line.split(":")[0]}: ..."`);
    const name = match[1]!.toLowerCase();
    // argv is visible to every process on the machine: a secret belongs in an environment variable.
    if (name === "authorization")
      throw new UpdateSpecError(
        "--header cannot set Authorization: put the token in the variable --token-env names",
      );
    headers[name] = match[2]!;
  }
  return headers;
}

async function readJsonBody(cwd: string, file: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), "utf8");
  } catch (error) {
    throw new UpdateSpecError(
      `--post ${file}: cannot read (${(error as NodeJS.ErrnoException).code})`,
    );
  }
  try {
    JSON.parse(text);
  } catch {
    throw new UpdateSpecError(`--post ${file}: not JSON`);
  }
  return text;
}

function positiveInteger(flag: string, text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value <= 0)
    throw new UpdateSpecError(`${flag} must be a positive whole number, got "${text}"`);
  return value;
}
