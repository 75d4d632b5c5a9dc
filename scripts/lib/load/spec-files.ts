import { readFileSync, realpathSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";

/** A file of a multi-file spec, as the bundler needs it. */
export interface SpecFile {
  /** Identity: the real absolute path (for the root, whatever the caller chose). */
  id: string;
  /** What diagnostics call it: relative to the project, the same on every machine. */
  name: string;
  text: string;
}

/** Reads the files a spec's external `$ref`s name; an error is a sentence for the user. */
export interface SpecFileReader {
  read(from: SpecFile, reference: string): SpecFile | { error: string };
}

/**
 * Reads `$ref` targets from disk, relative to the file that holds the `$ref`, and only inside
 * `refRoot` (by default the root spec's folder): a spec is vendor input, and a `$ref` to
 * `/etc/passwd` or `../../.env` must not copy that file into generated/openapi.json.
 * Remote references are refused: generation never reaches the network. `named` collects every
 * path under the root a `$ref` names, read or missing: the files `--watch` must follow.
 */
export function diskReader(
  refRoot: string,
  displayName: (path: string) => string,
  named?: Set<string>,
): SpecFileReader {
  const root = realpathOr(refRoot);
  // A big multi-file spec names the same few files thousands of times (DigitalOcean: 7,000
  // `$ref`s into 2,000 files); each is resolved, checked and read once.
  const known = new Map<string, SpecFile | { error: string }>();
  return {
    read(from, reference) {
      const key = `${dirname(from.id)}\0${reference}`;
      let result = known.get(key);
      if (result === undefined) known.set(key, (result = readInside(from, reference)));
      return result;
    },
  };

  function readInside(from: SpecFile, reference: string): SpecFile | { error: string } {
    if (/^[a-z][a-z0-9+.-]*:/i.test(reference) && !/^[a-z]:[\\/]/i.test(reference)) {
      return {
        error: `remote reference "${reference}" is not fetched; download it next to the spec`,
      };
    }
    const wanted = resolve(dirname(from.id), decodeURIComponent(reference));
    if (named && isInside(root, wanted)) named.add(wanted);
    let real: string;
    try {
      real = realpathSync(wanted);
    } catch (error) {
      return {
        error: `cannot read ${displayName(wanted)} (${(error as NodeJS.ErrnoException).code ?? "error"})`,
      };
    }
    if (!isInside(root, real)) {
      return {
        error: `${reference} is outside ${displayName(root)}; only files under the spec's folder are read (widen with --ref-root)`,
      };
    }
    try {
      return { id: real, name: displayName(real), text: readFileSync(real, "utf8") };
    } catch (error) {
      return {
        error: `cannot read ${displayName(real)} (${(error as NodeJS.ErrnoException).code ?? "error"})`,
      };
    }
  }
}

function isInside(root: string, path: string): boolean {
  const inside = relative(root, path);
  return inside !== "" && inside.split(sep)[0] !== ".." && !isAbsolute(inside);
}

function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}
