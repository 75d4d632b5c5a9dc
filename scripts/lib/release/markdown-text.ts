const LINE_BREAKS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/**
 * A message of the diff tool (markdown with code spans around names) made safe for one line of
 * a changelog: no line breaks or control characters, and outside code spans no character that
 * markdown or HTML would act on, so vendor text cannot add a heading, a link or raw HTML. Code
 * spans are kept, as the diff's own markdown shows them.
 */
export function markdownLine(text: string): string {
  return text
    .replace(LINE_BREAKS, " ")
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[\\*_{}[\]<>#|~!&]/g, (c) => `\\${c}`)))
    .join("")
    .trim();
}

/** Any text as one code span: backticks in it cannot end the span early (they become a lookalike). */
export function codeSpan(text: string): string {
  return "`" + text.replace(LINE_BREAKS, " ").replace(/`/g, "ˋ") + "`";
}
