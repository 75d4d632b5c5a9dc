/**
 * GitHub refuses an issue comment or a pull request body over 65,536 characters. It counts
 * characters where JavaScript counts UTF-16 units; a unit count is never below the character
 * count, so a text under the bound in units is under it in characters too.
 */
export const GITHUB_BODY_LIMIT = 65_536;

/** Room kept below the limit for what callers append after capping (a link, a marker). */
const DEFAULT_MAX = GITHUB_BODY_LIMIT - 1_024;

/**
 * The markdown as is when it fits in `max` units; otherwise cut at a line break, with an open
 * code fence and `<details>` blocks closed so the rest of the comment still renders, and a note
 * saying how much was cut and where the whole text is (`fullTextAt`).
 */
export function capMarkdown(markdown: string, fullTextAt: string, max = DEFAULT_MAX): string {
  if (markdown.length <= max) return markdown;
  const note = (cut: number) =>
    `\n\n> [!NOTE]\n> This text was cut at ${max.toLocaleString("en-US")} characters (${cut.toLocaleString("en-US")} left out): the whole text is ${fullTextAt}.\n`;
  // The closing tags and the note need room of their own: reserve it before cutting.
  const reserve = note(markdown.length).length + 64;
  let kept = markdown.slice(0, Math.max(0, max - reserve));
  const lastBreak = kept.lastIndexOf("\n");
  if (lastBreak > 0) kept = kept.slice(0, lastBreak);
  // A lone high surrogate at the cut would be an invalid character.
  if (/[\ud800-\udbff]$/.test(kept)) kept = kept.slice(0, -1);
  const closers: string[] = [];
  if ((kept.match(/^```/gm) ?? []).length % 2 === 1) closers.push("```");
  const openDetails =
    (kept.match(/<details\b/g) ?? []).length - (kept.match(/<\/details>/g) ?? []).length;
  for (let i = 0; i < openDetails; i++) closers.push("</details>");
  return `${kept}${closers.length ? "\n" + closers.join("\n\n") : ""}${note(markdown.length - kept.length)}`;
}
