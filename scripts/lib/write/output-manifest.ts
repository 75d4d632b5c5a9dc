import { readFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * The list of files `generate` wrote into an out folder. A run replaces and removes only the files
 * listed here; anything else in the folder belongs to someone else and is never touched.
 */
export const MANIFEST_NAME = ".generated-files.json";

export interface OutputManifest {
  generator: "chainhub-fal-client generate";
  /** Relative paths with "/" separators, sorted. */
  files: string[];
}

export function manifestText(files: Iterable<string>): string {
  const manifest: OutputManifest = {
    generator: "chainhub-fal-client generate",
    files: [...files].sort(),
  };
  return JSON.stringify(manifest, null, 2) + "\n";
}

/** The manifest of an out folder; undefined when it has none (or not one of ours). */
export async function readManifest(outDir: string): Promise<OutputManifest | undefined> {
  let text: string;
  try {
    text = await readFile(join(outDir, MANIFEST_NAME), "utf8");
  } catch {
    return undefined;
  }
  try {
    const value = JSON.parse(text) as Partial<OutputManifest>;
    const files = Array.isArray(value.files) ? value.files : undefined;
    if (value.generator !== "chainhub-fal-client generate" || !files) return undefined;
    // A manifest is input too: only plain relative names inside the folder count.
    return { generator: value.generator, files: files.filter(isPlainRelativePath) };
  } catch {
    return undefined;
  }
}

export function isPlainRelativePath(name: unknown): name is string {
  return (
    typeof name === "string" &&
    name !== "" &&
    !name.startsWith("/") &&
    !name.includes("\\") &&
    !name.includes("\0") &&
    name.split("/").every((part) => part !== "" && part !== "." && part !== "..")
  );
}
