/**
 * Vendor text inside our own markdown: a diff message is prose with names in code spans
 * (`` `aspect_ratio` lost enum value "9:21" ``), and the names and values in it come from the
 * export, backticks and all. Which backticks are ours is decided here once, the way a CommonMark
 * renderer will read the result, so text the reader sees as plain is always the text we escaped.
 */

export interface Segment {
  code: boolean;
  text: string;
}

/**
 * A code span the renderer is sure to read as one, whatever surrounds it once the plain text
 * around it is escaped: one backtick, not after a backslash or another backtick; then text with
 * no backtick; then one backtick, not before another. Any other backtick is plain text, and the
 * plain escapers below make it a literal one (so it can open nothing further on).
 */
const OUR_CODE_SPAN = /(?<![`\\])`([^`]+)`(?!`)/g;

/** Splits a one-line message into plain text and code spans (`text` without the backticks). */
export function splitCodeSpans(text: string): Segment[] {
  const segments: Segment[] = [];
  let from = 0;
  for (const match of text.matchAll(OUR_CODE_SPAN)) {
    if (match.index > from) segments.push({ code: false, text: text.slice(from, match.index) });
    segments.push({ code: true, text: match[1]! });
    from = match.index + match[0].length;
  }
  if (from < text.length) segments.push({ code: false, text: text.slice(from) });
  return segments;
}

/**
 * The message as inline markdown: our code spans kept (their text through `escapeCode`), the
 * rest through `escapePlain`, which must put a backslash before every backslash and backtick
 * (so none can escape or open anything after it), then with mentions and references broken.
 */
export function escapeMessage(
  text: string,
  escapePlain: (plain: string) => string,
  escapeCode: (code: string) => string = (code) => code,
): string {
  return splitCodeSpans(text)
    .map((s) => (s.code ? `\`${escapeCode(s.text)}\`` : breakMentions(escapePlain(s.text))))
    .join("");
}

/**
 * Plain text that would notify or cross-link on GitHub: an @mention (a user, or a whole team)
 * and an issue reference (`#12`, `owner/repo#12`, which leaves a mark on that repository's issue).
 * A zero-width space after the `#` or `@` breaks both, as Renovate does in its pull requests;
 * an e-mail address (`a@b.c`) mentions no one and is left whole. `#` first: the space's own
 * entity has one.
 */
function breakMentions(escaped: string): string {
  return escaped.replace(/#(?=\d)/g, "#&#8203;").replace(/(?<!\w)@(?=\w)/g, "@&#8203;");
}
