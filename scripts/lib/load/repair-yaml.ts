import type { Diagnostics } from "../diagnostics.js";

/**
 * Repairs the YAML defects apifox exports are known for, one line at a time, so that every
 * line keeps its number and later diagnostics still point into the raw file.
 *
 * The defect: apifox writes descriptions as plain scalars without quoting them, so
 * `description: Range value: 1-20` is invalid YAML (a plain scalar may not contain ": ").
 * We single-quote such values; the parsed string is exactly what the vendor meant.
 */
export function repairYaml(text: string, diagnostics: Diagnostics): string {
  const lines = text.split("\n");
  let blockScalarParentIndent: number | undefined;

  const repaired = lines.map((line, index) => {
    const lineNumber = index + 1;
    const indent = line.length - line.trimStart().length;
    if (blockScalarParentIndent !== undefined) {
      // Inside a `|` or `>` block: content is literal text, never a key.
      if (line.trim() === "" || indent > blockScalarParentIndent) return line;
      blockScalarParentIndent = undefined;
    }
    const entry = KEY_VALUE.exec(line);
    if (!entry) return line;
    const [, prefix = "", key = "", gap = "", rawValue = ""] = entry;
    const value = rawValue.replace(/\s+$/, "");
    if (BLOCK_SCALAR_HEADER.test(value)) {
      blockScalarParentIndent = prefix.length;
      return line;
    }
    if (!needsQuoting(value)) return line;
    diagnostics.warn(
      "yaml-unquoted-colon",
      `value of "${key}" is a plain scalar containing ": "; read it as the quoted string '${value}'`,
      { line: lineNumber },
    );
    return `${prefix}${key}:${gap}'${value.replace(/'/g, "''")}'`;
  });
  return repaired.join("\n");
}

/** `  - key: value`: indentation and sequence dashes, a simple key, then its inline value. */
const KEY_VALUE = /^(\s*(?:-\s+)*)([A-Za-z0-9_$@.\-/]+|"[^"]*"|'[^']*'):(\s+)(\S.*)$/;

const BLOCK_SCALAR_HEADER = /^[|>][-+]?[1-9]?[-+]?(\s+#.*)?$/;

/** Characters that start something other than a plain scalar. */
const NON_PLAIN_START = /^["'[{|>&*!#%@`]/;

function needsQuoting(value: string): boolean {
  if (NON_PLAIN_START.test(value)) return false;
  // A plain scalar ends at " #" (comment); only what comes before it matters.
  const scalar = value.split(/\s#/, 1)[0] ?? value;
  return scalar.includes(": ") || scalar.endsWith(":");
}
