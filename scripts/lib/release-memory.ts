import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * Collects garbage now. V8 grows its heap lazily: on a 2,000-operation spec the ASTs each stage
 * drops (openapi-typescript's, ts-morph's, prettier's per piece) piled up to a 1 GB peak that a
 * full collection between stages brings near 600 MB. Only worth its few milliseconds on big
 * inputs; callers decide. Without the runtime's `gc` (another engine), it does nothing.
 */
export function releaseMemory(): void {
  if (collect === undefined) {
    try {
      // The documented flag, set at run time; a fresh context then carries the `gc` global.
      setFlagsFromString("--expose-gc");
      collect = runInNewContext("gc") as () => void;
      // Back off: the function stays, and V8's flags match those the compile cache was made
      // under again (a changed flag makes V8 reject every cached file at the next run).
      setFlagsFromString("--no-expose-gc");
    } catch {
      collect = null;
    }
  }
  collect?.();
}

let collect: (() => void) | null | undefined;
