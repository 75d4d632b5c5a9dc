import { ChainHubError } from "../errors/chainhub-error.js";

/**
 * Loads a Node.js built-in at the moment it is needed. The main entry must bundle for browsers,
 * where only local-file features need Node (or Deno or Bun); hiding the specifier in a variable
 * keeps bundlers from trying to resolve it, and a browser gets a clear error instead.
 */
export async function nodeModule<T>(name: "node:fs/promises" | "node:url"): Promise<T> {
  const specifier: string = name;
  try {
    return (await import(/* @vite-ignore */ /* webpackIgnore: true */ specifier)) as T;
  } catch (error) {
    throw new ChainHubError(
      `${name} is not available here: local files need Node.js, Deno or Bun; in a browser pass a Blob, bytes or a URL`,
      { cause: error },
    );
  }
}
