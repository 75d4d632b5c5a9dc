import type { Diagnostics } from "../diagnostics.js";
import { parseYamlFast } from "./fast-yaml.js";
import { findBoundsViolation } from "./input-bounds.js";
import { parseYamlDocument } from "./last-parse.js";
import { parsePlainJson } from "./parse-json.js";

/**
 * Repairs the YAML defects apifox exports are known for, one line at a time, so that every
 * line keeps its number and later diagnostics still point into the raw file.
 *
 * The defects: apifox writes descriptions as plain scalars without quoting them, so
 * `description: Range value: 1-20` is invalid YAML (a plain scalar may not contain ": "); we
 * single-quote such values, and the parsed string is exactly what the vendor meant. And a
 * vendor page writes a block scalar header `|>-` (two styles at once); we keep the first.
 *
 * Valid YAML is never touched: the text is parsed first, and only lines the parser reports
 * as broken are repaired (then it is parsed again, a few rounds at most). A line that looks
 * like `key: a: b` inside a valid multi-line quoted string is text, not a defect.
 */
export function repairYaml(text: string, diagnostics: Diagnostics): string {
  // Too big or too deep to parse safely: parseYaml reports it, untouched.
  if (findBoundsViolation(text)) return text;
  // Plain JSON is valid YAML: nothing to repair (and parseYaml takes the parse kept here).
  if (parsePlainJson(text, true)) return text;
  // YAML the fast path reads is YAML the `yaml` library reads without an error: nothing to
  // repair either (and parseYaml takes the parse kept here).
  if (parseYamlFast(text, true)) return text;
  let broken = brokenLines(text);
  if (broken.size === 0) return text;
  // An export saved on Windows ends its lines in CRLF: the same lines for YAML (which reads any
  // line break as \n), but each line's text would end in a \r that no repair expects.
  const lf = text.replace(/\r\n/g, "\n");
  const candidates = planRepairs(lf);
  const lines = lf.split("\n");
  const applied = new Set<number>();
  for (let round = 0; round < MAX_ROUNDS && broken.size > 0; round++) {
    const now = [...broken].filter((line) => candidates.has(line) && !applied.has(line));
    if (now.length === 0) break;
    for (const line of now) {
      lines[line - 1] = candidates.get(line)!.text;
      applied.add(line);
    }
    broken = brokenLines(lines.join("\n"));
  }
  for (const line of [...applied].sort((a, b) => a - b)) {
    const { code, message } = candidates.get(line)!;
    diagnostics.warn(code, message, { line });
  }
  return lines.join("\n");
}

/** Each round repairs every line the parser names; more rounds only follow late errors. */
const MAX_ROUNDS = 8;

function brokenLines(text: string): Set<number> {
  const { document, lineCounter } = parseYamlDocument(text, true);
  return new Set(document.errors.map((error) => lineCounter.linePos(error.pos[0]).line));
}

interface LineRepair {
  text: string;
  code: string;
  message: string;
}

/** The repair each line would get, by line number (from 1); inside block scalars, none. */
function planRepairs(text: string): Map<number, LineRepair> {
  const repairs = new Map<number, LineRepair>();
  let blockScalarParentIndent: number | undefined;
  text.split("\n").forEach((line, index) => {
    const indent = line.length - line.trimStart().length;
    if (blockScalarParentIndent !== undefined) {
      // Inside a `|` or `>` block: content is literal text, never a key.
      if (line.trim() === "" || indent > blockScalarParentIndent) return;
      blockScalarParentIndent = undefined;
    }
    const entry = KEY_VALUE.exec(line);
    if (!entry) return;
    const [, prefix = "", key = "", gap = "", rawValue = ""] = entry;
    const value = rawValue.replace(/\s+$/, "");
    const header = BLOCK_SCALAR_HEADER.exec(value);
    if (header) {
      blockScalarParentIndent = prefix.length;
      const [, style = "", extra = "", modifiers = "", comment = ""] = header;
      if (extra !== "")
        repairs.set(index + 1, {
          text: `${prefix}${key}:${gap}${style}${modifiers}${comment}`,
          code: "yaml-block-header",
          message: `block scalar header "${value}" of "${key}" names two styles; read it as "${style}${modifiers}"`,
        });
      return;
    }
    if (!needsQuoting(value)) return;
    repairs.set(index + 1, {
      text: `${prefix}${key}:${gap}'${value.replace(/'/g, "''")}'`,
      code: "yaml-unquoted-colon",
      message: `value of "${key}" is a plain scalar containing ": "; read it as the quoted string '${value}'`,
    });
  });
  return repairs;
}

/** `  - key: value`: indentation and sequence dashes, a simple key, then its inline value. */
const KEY_VALUE = /^(\s*(?:-\s+)*)([A-Za-z0-9_$@.\-/]+|"[^"]*"|'[^']*'):(\s+)(\S.*)$/;

/**
 * `|`, `>-`, `|2-`, `>+1`, and the broken `|>-` as a vendor page writes it: the style, any
 * extra style characters, then indentation and chomping indicators, then a comment.
 */
const BLOCK_SCALAR_HEADER = /^([|>])([|>]*)([-+]?[1-9]?[-+]?)(\s+#.*)?$/;

/** Characters that start something other than a plain scalar. */
const NON_PLAIN_START = /^["'[{|>&*!#%@`]/;

function needsQuoting(value: string): boolean {
  if (NON_PLAIN_START.test(value)) return false;
  // A plain scalar ends at " #" (comment); only what comes before it matters.
  const scalar = value.split(/\s#/, 1)[0] ?? value;
  return scalar.includes(": ") || scalar.endsWith(":");
}
