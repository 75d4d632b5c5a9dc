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

/** Base64 without Buffer, so the same code runs in browsers. */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk)
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
