/**
 * Reads JSON as people paste it into apifox's example box: `//` and `/* *\/` comments (a note
 * per field is common), and a comma before `}` or `]`. One pass over the text, then JSON.parse;
 * anything else is not JSON and yields `undefined`.
 */
export function parseLooseJson(text: string): unknown {
  if (text.length > MAX_EXAMPLE_CHARS) return undefined;
  let out = "";
  let pendingComma = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      const end = endOfString(text, i);
      if (end < 0) return undefined;
      out += flushComma(pendingComma) + text.slice(i, end + 1);
      pendingComma = false;
      i = end;
    } else if (c === "/" && text[i + 1] === "/") {
      const newline = text.indexOf("\n", i);
      i = newline < 0 ? text.length : newline - 1;
    } else if (c === "/" && text[i + 1] === "*") {
      const close = text.indexOf("*/", i + 2);
      if (close < 0) return undefined;
      i = close + 1;
    } else if (c === ",") {
      out += flushComma(pendingComma);
      pendingComma = true;
    } else if (/\s/.test(c)) {
      out += c;
    } else {
      // A comma right before a closing bracket is dropped; before anything else it stays.
      out += (c === "}" || c === "]" ? "" : flushComma(pendingComma)) + c;
      pendingComma = false;
    }
  }
  if (pendingComma) out += ",";
  try {
    return JSON.parse(out);
  } catch {
    return undefined;
  }
}

/** An example larger than this is not an example a person typed; it is not read. */
export const MAX_EXAMPLE_CHARS = 64 * 1024;

function flushComma(pending: boolean): string {
  return pending ? "," : "";
}

/** Index of the quote that closes the string opening at `start`, or -1. */
function endOfString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i;
    else if (text[i] === "\n") return -1;
  }
  return -1;
}
