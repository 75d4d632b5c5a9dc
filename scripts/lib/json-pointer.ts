/** RFC 6901 JSON pointers: how diagnostics name a place after the YAML is parsed. */

export function escapePointerSegment(segment: string | number): string {
  const text = String(segment);
  // Most segments need no escape: skip the two regular expression passes for them.
  if (!text.includes("~") && !text.includes("/")) return text;
  return text.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function toPointer(segments: readonly (string | number)[]): string {
  return "#" + segments.map((s) => "/" + escapePointerSegment(s)).join("");
}

export function parsePointer(pointer: string): string[] {
  const body = pointer.replace(/^#/, "");
  if (body === "") return [];
  return body
    .slice(1)
    .split("/")
    .map((s) => percentDecoded(s).replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** A `$ref` is a URI: its fragment may be percent-encoded (RFC 6901, section 6). */
function percentDecoded(segment: string): string {
  if (!segment.includes("%")) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a bare "%" in a sloppy reference: taken as written
  }
}

/** Follows a local `$ref` such as `#/components/schemas/Foo`; undefined when it dangles. */
export function resolvePointer(root: unknown, pointer: string): unknown {
  let node: unknown = root;
  for (const segment of parsePointer(pointer)) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}
