import { createHash } from "node:crypto";

/**
 * A job is its content: the digest of its operation and input, in a canonical form (object keys
 * sorted at every depth), so that reformatting a line or reordering its fields keeps the job,
 * and any change to a value makes a new one.
 */
export function jobDigest(operation: string, input: unknown): string {
  return createHash("sha256").update(canonicalJson({ operation, input })).digest("hex");
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.keys(value)
      .sort()
      .map(
        (key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`,
      );
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** Names the batch writes itself into the out folder; a job id may not take them. */
const RESERVED = new Set(["results.jsonl"]);
/** Device names Windows will not create as files or folders, with or without an extension. */
const WINDOWS_DEVICES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * Why an id cannot name a job's output folder, or undefined when it can. Ids are folder names
 * under `--out`: no separators, no `.`/`..`, no hidden names (the journal is one), no names the
 * batch itself writes, nothing a file system would refuse or alias.
 */
export function invalidJobId(id: string): string | undefined {
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(id))
    return `id "${shorten(id)}" must be 1-128 letters, digits, ".", "_" or "-", not starting with "." or "-" (it names the output folder)`;
  if (id.endsWith(".")) return `id "${id}" may not end with "." (Windows drops it)`;
  if (RESERVED.has(id.toLowerCase()))
    return `id "${id}" is reserved: the batch writes ${id} itself`;
  if (WINDOWS_DEVICES.test(id)) return `id "${id}" is a reserved device name on Windows`;
  return undefined;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
