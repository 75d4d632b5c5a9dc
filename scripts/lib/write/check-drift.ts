import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import type { GeneratedFiles } from "../emit/render-outputs.js";
import { MANIFEST_NAME, readManifest } from "./output-manifest.js";
import { terminalSafe } from "../terminal-safe.js";

export interface Drift {
  file: string;
  kind: "changed" | "missing" | "unexpected";
  /** First differing line, 1-based, for `changed`. */
  line?: number;
  expected?: string;
  actual?: string;
}

/** Compares what generation would write with what is on disk; an empty list means up to date. */
export async function checkDrift(outDir: string, files: GeneratedFiles): Promise<Drift[]> {
  // With a manifest, only files generate wrote can be stale; anything else there is not ours.
  const manifest = await readManifest(outDir);
  const listed = await listFiles(outDir);
  const onDisk = new Set(
    manifest
      ? listed.filter((name) => manifest.files.includes(name) || files.has(name))
      : listed.filter((name) => name !== MANIFEST_NAME),
  );
  const drift: Drift[] = [];
  for (const [name, expected] of files) {
    if (!onDisk.delete(name)) {
      drift.push({ file: name, kind: "missing" });
      continue;
    }
    const actual = await readFile(join(outDir, name), "utf8");
    if (actual !== expected)
      drift.push({ file: name, kind: "changed", ...firstDifference(expected, actual) });
  }
  for (const name of [...onDisk].sort()) drift.push({ file: name, kind: "unexpected" });
  return drift;
}

function firstDifference(expected: string, actual: string) {
  const want = expected.split("\n");
  const have = actual.split("\n");
  const index = want.findIndex((line, i) => line !== have[i]);
  const at = index === -1 ? want.length : index;
  return {
    line: at + 1,
    expected: want[at] ?? "<end of file>",
    actual: have[at] ?? "<end of file>",
  };
}

/** For a terminal: a differing line quotes generated text, the vendor's characters escaped. */
export function formatDrift(outDir: string, drift: Drift[]): string {
  const lines = drift.map((d) => {
    const path = join(outDir, d.file);
    if (d.kind === "missing") return `  ${path}: missing (generation would create it)`;
    if (d.kind === "unexpected") return `  ${path}: not produced by generation (would be removed)`;
    return `  ${path}:${d.line}: differs\n      expected: ${d.expected}\n      found:    ${d.actual}`;
  });
  return terminalSafe(
    `${drift.length} generated file(s) are stale:\n${lines.join("\n")}\nRun \`npm run generate\` and commit the result.`,
  );
}

async function listFiles(dir: string, root = dir): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await listFiles(path, root)));
    else found.push(relative(root, path).split("\\").join("/"));
  }
  return found;
}
