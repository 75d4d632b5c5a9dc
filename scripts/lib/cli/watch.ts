import { watch, type FSWatcher } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import type { GenerateOptions } from "../options.js";

/**
 * `--watch`: generates, then again after every change to the spec's folder, an overlay's, or
 * the folder of a file the spec's `$ref`s name (`models/pet.yaml`: learnt from each run, so a new
 * `$ref` is followed from the run that reads it), until Ctrl-C. Options are read again each time,
 * so a new overlay file is picked up. Runs never overlap: a change during a run schedules one
 * more. Our own writes never trigger a run.
 */
export function watchAndGenerate(
  first: GenerateOptions,
  reread: () => GenerateOptions | "help",
  once: (options: GenerateOptions, onReferences: (files: string[]) => void) => Promise<number>,
): Promise<number> {
  return new Promise((done) => {
    let running = false;
    let again = false;
    let timer: NodeJS.Timeout | undefined;
    const run = async (options: GenerateOptions) => {
      running = true;
      const started = performance.now();
      const code = await once(options, follow).catch((error: unknown) => {
        console.error(`generate: ${(error as Error).message}`);
        return 1;
      });
      const ms = (performance.now() - started).toFixed(0);
      console.error(`[watch] ${code === 0 ? "done" : "failed"} in ${ms} ms; waiting for changes`);
      running = false;
      if (again) {
        again = false;
        schedule();
      }
    };
    const schedule = () => {
      clearTimeout(timer);
      // Editors save in bursts (write, rename, touch): one run per burst.
      timer = setTimeout(() => {
        if (running) {
          again = true;
          return;
        }
        let options;
        try {
          options = reread();
        } catch (error) {
          console.error(`generate: ${(error as Error).message}`);
          return;
        }
        if (options !== "help") void run(options);
      }, 100);
    };
    const out = resolve(first.out) + sep;
    const watchers = new Map<string, FSWatcher>();
    const watchFolders = (folders: string[]) => {
      const added = folders.filter((folder) => {
        if (watchers.has(folder)) return false;
        try {
          const watcher = watch(folder, (_event, name) => {
            if (isInput(folder, name, out)) schedule();
          });
          watchers.set(folder, watcher);
          return true;
        } catch {
          // A folder a `$ref` names that does not exist (yet): nothing in it to follow.
          return false;
        }
      });
      if (added.length > 0)
        console.error(`[watch] ${added.map((f) => relative(process.cwd(), f) || ".").join(", ")}`);
    };
    function follow(files: string[]): void {
      watchFolders([...new Set(files.map((file) => dirname(file)))]);
    }
    watchFolders([
      ...new Set([dirname(first.spec), ...first.overlays.map((file) => dirname(file))]),
    ]);
    const stop = () => {
      for (const watcher of watchers.values()) watcher.close();
      clearTimeout(timer);
      done(0);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    void run(first);
  });
}

/**
 * A change worth a run: a spec or overlay document (YAML or JSON), not our own output, its
 * staging folder (`.generated-*`) or an editor's swap file.
 */
function isInput(folder: string, name: string | null, out: string): boolean {
  if (!name || name.startsWith(".") || !/\.(?:ya?ml|json)$/i.test(name)) return false;
  return !(resolve(folder, name) + sep).startsWith(out);
}
