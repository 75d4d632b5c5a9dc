import { escapeMessage } from "../markdown-spans.js";

const LINE_BREAKS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/**
 * A message of the diff tool (markdown with code spans around names) made safe for one line of
 * a changelog: no line breaks or control characters, and outside code spans no character that
 * markdown or HTML would act on and no mention, so vendor text cannot add a heading, a link, raw
 * HTML or a notification. Code spans are kept, as the diff's own markdown shows them; which
 * backticks open one is decided as a renderer will (markdown-spans.ts).
 */
export function markdownLine(text: string): string {
  return escapeMessage(text.replace(LINE_BREAKS, " "), (plain) =>
    plain.replace(/[\\`*_{}[\]<>#|~!&]/g, (c) => `\\${c}`),
  ).trim();
}

/** Any text as one code span: backticks in it cannot end the span early (they become a lookalike). */
export function codeSpan(text: string): string {
  return "`" + text.replace(LINE_BREAKS, " ").replace(/`/g, "ˋ") + "`";
}
