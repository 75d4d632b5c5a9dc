/**
 * `npm run diff -- <base> <head>`: what changed in the API contract between two specs, what
 * breaks callers, and what happens to the generated TypeScript. Each side is a raw apifox
 * export, a normalized openapi.json, or `<git-ref>:<path>`.
 * Exit codes: 0 nothing at or above --fail-on, 1 something is, 2 bad input.
 * Each change carries the line it is on in each side's file (`where`), linked with --repo-url.
 */
import { parseArgs } from "node:util";
import { LEVEL_ORDER, type Level } from "./lib/diff/change.js";
import { compareDocuments } from "./lib/diff/compare-document.js";
import { formatJson } from "./lib/diff/format-json.js";
import { formatMarkdown } from "./lib/diff/format-markdown.js";
import { formatText } from "./lib/diff/format-text.js";
import { DiffInputError, loadSide, type OverlayChoice } from "./lib/diff/load-side.js";
import { locateChanges, repositoryUrlFrom } from "./lib/diff/locate-changes.js";
import { sideNoteLines } from "./lib/diff/side-notes.js";
import { diffSurface } from "./lib/diff/surface-diff.js";
import { formatDiagnostic } from "./lib/diagnostics.js";

const USAGE = `Usage: npm run diff -- <base> <head> [options]

Each side: a raw apifox export, a normalized openapi.json, or <git-ref>:<path>
(e.g. origin/main:spec/chainhub-fal-ai.apifox.yaml; its overlays come from the same ref).

Options:
  --format text|markdown|json   output (default: text; markdown is a PR comment)
  --fail-on breaking|warning|none
                                exit 1 when a change at or above this level is found (default: breaking)
  --repo-url <url>              link each change's lines to this repository's file view
                                (default: from GITHUB_SERVER_URL and GITHUB_REPOSITORY)
  --overlays <dir>              overlays for file sides (default: spec/overlays/)
  --no-overlays                 apply no overlays
  --debug                       show the stack trace of an internal error
  -h, --help                    show this help`;

const FORMATS = { text: formatText, markdown: formatMarkdown, json: formatJson } as const;

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: "string", default: "text" },
      "fail-on": { type: "string", default: "breaking" },
      overlays: { type: "string" },
      "repo-url": { type: "string" },
      "no-overlays": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const format = FORMATS[values.format as keyof typeof FORMATS];
  const failOn = values["fail-on"];
  if (positionals.length !== 2)
    throw new DiffInputError(`expected two specs, <base> and <head>, got ${positionals.length}`);
  if (!format)
    throw new DiffInputError(`--format must be text, markdown or json, got "${values.format}"`);
  if (!["breaking", "warning", "none"].includes(failOn))
    throw new DiffInputError(`--fail-on must be breaking, warning or none, got "${failOn}"`);
  const root = process.cwd();
  const overlays: OverlayChoice = values["no-overlays"]
    ? { kind: "none" }
    : values.overlays
      ? { kind: "folder", path: values.overlays }
      : { kind: "default" };
  const [baseSpec = "", headSpec = ""] = positionals;
  const base = loadSide(baseSpec, root, overlays);
  const head = loadSide(headSpec, root, overlays);
  for (const line of sideNoteLines([...base.notes, ...head.notes])) console.error(line);
  const changes = compareDocuments(base.document, head.document);
  locateChanges(
    changes,
    { base: base.source, head: head.source },
    repositoryUrlFrom(values["repo-url"], process.env),
  );
  const surface = diffSurface(base.document, head.document);
  // Only actions the new export makes redundant are news: the base side's were already so.
  const alreadyRedundant = new Set(base.redundantOverlayActions.map((d) => d.message));
  const redundantOverlayActions = head.redundantOverlayActions
    .filter((d) => !alreadyRedundant.has(d.message))
    .map(formatDiagnostic);
  process.stdout.write(
    format({ base: base.label, head: head.label, changes, surface, redundantOverlayActions }),
  );
  if (failOn === "none") return 0;
  const threshold = LEVEL_ORDER[failOn as Level];
  return changes.some((change) => LEVEL_ORDER[change.level] <= threshold) ? 1 : 0;
}

const argv = process.argv.slice(2);
try {
  process.exitCode = main(argv.filter((arg) => arg !== "--debug"));
} catch (error) {
  // A user's mistake is one line (its details, if any, follow); anything else is ours.
  if (
    error instanceof DiffInputError ||
    (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")
  ) {
    const [first, ...details] = (error as Error).message.split("\n");
    console.error([`diff: ${first} (see --help)`, ...details].join("\n"));
    process.exitCode = 2;
  } else if (argv.includes("--debug")) {
    console.error(error);
    process.exitCode = 1;
  } else {
    const message = String((error as Error)?.message ?? error).split("\n")[0];
    console.error(`diff: internal error: ${message} (--debug shows the stack trace)`);
    process.exitCode = 1;
  }
}
