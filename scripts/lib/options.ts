import { readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { overlayFileNames } from "./overlay/overlay-files.js";

/** Every setting of a generation run, resolved once at the entry point. */
export interface GenerateOptions {
  /** Repository root: relative display names and defaults hang off it. */
  root: string;
  spec: string;
  /** External `$ref`s are read only from files under this folder (default: the spec's). */
  refRoot: string;
  overlays: string[];
  out: string;
  check: boolean;
  /** Read constraints out of descriptions. */
  infer: boolean;
  /** Print every inference: text, applied, held back, why. */
  explain: boolean;
  strict: boolean;
  quiet: boolean;
  /** Regenerate whenever the spec or an overlay changes, until interrupted. */
  watch?: boolean;
}

export const USAGE = `Usage: npm run generate -- [options]

Turns an apifox OpenAPI export into TypeScript under generated/.

Options:
  --spec <file>       the raw export (default: spec/chainhub-fal-ai.apifox.yaml)
  --overlay <file>    an OpenAPI Overlay 1.0 file to apply; repeatable, applied in order
  --overlays <dir>    apply every *.yaml in <dir>, by file name
                      (default: spec/overlays/ when --spec is not given, none otherwise)
  --no-overlays       apply no overlays
  --ref-root <dir>    read files named by external $refs from under <dir>
                      (default: the spec's folder)
  --out <dir>         output folder, replaced atomically (default: generated/)
  --check             write nothing; exit 1 if the output folder is stale
  --watch             regenerate whenever the spec or an overlay changes (Ctrl-C stops)
  --no-infer          read no constraints out of descriptions
  --explain           print every inference: its text, what was applied or held back, and why
  --strict            treat warnings (repairs of the export) as errors
  --quiet             print errors only
  --debug             show the stack trace of an internal error
  -h, --help          show this help`;

/** The packaged `chainhub-generate`: the same options, for a user's own project. */
export const BIN_USAGE = USAGE.replace("npm run generate --", "chainhub-generate")
  .replace("under generated/.", "for createClient({ contract }).")
  .replace(
    "the raw export (default: spec/chainhub-fal-ai.apifox.yaml)",
    "the raw export (required)",
  )
  .replace("(default: spec/overlays/ when --spec is not given, none otherwise)", "(default: none)");

export class UsageError extends Error {}

export function resolveOptions(
  argv: string[],
  root: string,
  requireSpec = false,
): GenerateOptions | "help" {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        spec: { type: "string" },
        overlay: { type: "string", multiple: true },
        overlays: { type: "string" },
        "ref-root": { type: "string" },
        "no-overlays": { type: "boolean", default: false },
        out: { type: "string" },
        check: { type: "boolean", default: false },
        "no-infer": { type: "boolean", default: false },
        explain: { type: "boolean", default: false },
        strict: { type: "boolean", default: false },
        quiet: { type: "boolean", default: false },
        watch: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values } = parsed;
  if (values.help) return "help";
  if (values.watch && values.check) throw new UsageError("--watch and --check do not mix");
  if (requireSpec && values.spec === undefined)
    throw new UsageError("--spec <file> is required: the export to generate from");
  const spec = resolve(root, values.spec ?? "spec/chainhub-fal-ai.apifox.yaml");
  const overlayDir = values.overlays ?? (values.spec === undefined ? "spec/overlays" : undefined);
  const overlays = values["no-overlays"]
    ? []
    : [
        ...(overlayDir ? listOverlays(resolve(root, overlayDir)) : []),
        ...(values.overlay ?? []).map((f) => resolve(root, f)),
      ];
  return {
    root,
    spec,
    refRoot: values["ref-root"] ? resolve(root, values["ref-root"]) : dirname(spec),
    overlays,
    out: resolve(root, values.out ?? "generated"),
    check: values.check,
    infer: !values["no-infer"],
    explain: values.explain,
    strict: values.strict,
    quiet: values.quiet,
    watch: values.watch,
  };
}

function listOverlays(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new UsageError(`overlay folder ${dir} cannot be read`);
  }
  return overlayFileNames(names).map((n) => join(dir, n));
}
