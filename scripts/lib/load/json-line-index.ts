import { escapePointerSegment } from "../json-pointer.js";
import { CR, LF, SPACE, TAB } from "./char-codes.js";

/**
 * JSON pointer -> line for every value of a JSON text that parsePlainJson accepted, exactly as
 * parse-yaml's index of the YAML parse would give it: an object entry's line is its key's, any
 * other value's is where it starts. One pass over the text, built only when a diagnostic first
 * asks for a line.
 */
export function jsonLineIndex(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let i = 0;
  let line = 1;

  const skipSpace = (): void => {
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === LF) line++;
      else if (c !== SPACE && c !== CR && c !== TAB) return;
    }
  };
  const readString = (): string => {
    const start = i;
    let escaped = false;
    for (i++; i < text.length; i++) {
      const c = text[i];
      if (c === "\\") {
        escaped = true;
        i++;
      } else if (c === '"') break;
    }
    i++;
    return escaped ? (JSON.parse(text.slice(start, i)) as string) : text.slice(start + 1, i - 1);
  };
  // Depth is bounded (input-bounds.ts checked the text before it was parsed).
  const readValue = (pointer: string): void => {
    skipSpace();
    if (!lines.has(pointer)) lines.set(pointer, line);
    const c = text[i];
    if (c === "{" || c === "[") {
      const close = c === "{" ? "}" : "]";
      i++;
      for (let index = 0; ; index++) {
        skipSpace();
        if (text[i] === close) break;
        if (c === "{") {
          const keyLine = line;
          const child = `${pointer}/${escapePointerSegment(readString())}`;
          lines.set(child, keyLine);
          skipSpace();
          i++; // the colon
          readValue(child);
        } else readValue(`${pointer}/${index}`);
        skipSpace();
        if (text[i] === ",") i++;
      }
      i++;
    } else if (c === '"') readString();
    else while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
  };
  readValue("#");
  return lines;
}
