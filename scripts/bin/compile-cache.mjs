// A V8 code cache for the CommonJS files the generator loads: the bundle itself, the TypeScript
// compiler, ts-morph, yaml and prettier. Compiling them is most of a cold `npm run generate`
// (the 9 MB compiler alone: about 0.23 s to compile, 0.09 s from cache). Node 22 has this
// built in (module.enableCompileCache); Node 20, which we support, does not.
//
// The cache is written when the process exits, so it holds every function the run compiled,
// not only the top level (why v8-compile-cache, which saves at load, gained nothing here).
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Script } from "node:vm";

/**
 * Compiles CommonJS files through a code cache kept in `directory`, which this owns: writing a
 * file's new entry deletes that file's older ones. Returns counts, for tests. Off when
 * NODE_DISABLE_COMPILE_CACHE is set (Node 22's own switch); the launchers also leave it off
 * under --debug, since Node source-maps stack traces only of files it compiles itself.
 *
 * V8 runs what it finds there as compiled code: `directory` must be as trusted as the files it
 * caches, which is why it lives beside them (our dist/, the project's node_modules/.cache/).
 */
export function installCompileCache(directory) {
  const stats = { hits: 0, misses: 0, rejected: 0 };
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return stats;
  const pending = [];
  const compileWithoutCache = Module.prototype._compile;

  Module.prototype._compile = function compileWithCache(content, filename, format) {
    // Node 20's require(esm) passes ES modules through here too; those are not ours to wrap.
    if (format === "module") return compileWithoutCache.call(this, content, filename, format);
    const key = entryName(filename, content);
    const cachedData = readIfPresent(join(directory, key));
    let script;
    try {
      script = new Script(Module.wrap(withoutHashbang(content)), { filename, cachedData });
    } catch {
      // A syntax error: Node's own compile reports it the way users expect.
      return compileWithoutCache.call(this, content, filename);
    }
    if (cachedData === undefined) stats.misses++;
    else if (script.cachedDataRejected) stats.rejected++;
    else stats.hits++;
    if (cachedData === undefined || script.cachedDataRejected) pending.push({ key, script });

    const moduleFunction = script.runInThisContext({ displayErrors: true });
    return moduleFunction.call(
      this.exports,
      this.exports,
      createRequire(filename),
      this,
      filename,
      dirname(filename),
    );
  };

  process.once("exit", () => {
    if (pending.length > 0) save(directory, pending);
  });
  return stats;
}

/**
 * `<file>-<content>`. Keyed on the content, not the mtime: V8 checks only the source length
 * before trusting a cache, so a same-length edit under an old key would run stale code.
 */
function entryName(filename, content) {
  const file = createHash("sha1").update(filename).digest("hex").slice(0, 16);
  const compiled = createHash("sha1")
    .update(`${process.version}\0${process.arch}\0`)
    .update(content)
    .digest("hex");
  return `${file}-${compiled}`;
}

function readIfPresent(path) {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** The module wrapper puts code before line 1, where a `#!` line is a syntax error. */
function withoutHashbang(content) {
  return content.startsWith("#!") ? `//${content}` : content;
}

/** Best effort: a read-only install or a full disk costs the next run time, never this one. */
function save(directory, pending) {
  try {
    mkdirSync(directory, { recursive: true });
    for (const { key, script } of pending) {
      // Renamed into place: a concurrent run reads a whole entry or none.
      const temporary = join(directory, `${key}.${process.pid}.tmp`);
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, join(directory, key));
    }
    const written = new Set(pending.map(({ key }) => key));
    const rewrittenFiles = new Set(pending.map(({ key }) => key.split("-")[0]));
    for (const entry of readdirSync(directory)) {
      const [file, rest] = entry.split("-");
      const stale = rewrittenFiles.has(file) && !written.has(entry) && !rest?.endsWith(".tmp");
      if (stale) rmSync(join(directory, entry), { force: true });
    }
  } catch {
    // Nothing to report: the run's own result is what the user asked for.
  }
}
