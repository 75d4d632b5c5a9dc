/**
 * Texts the fast path (fast-yaml.ts) leaves to the `yaml` library without parsing them: what
 * js-yaml and the `yaml` library read differently by design, found in the YAML test suite
 * (test/fixtures/yaml-test-suite). Each test is linear in the text; a false alarm only costs
 * the slow parse.
 */

/**
 * A byte order mark (the `yaml` library rejects one before a block sequence, js-yaml reads one
 * past the start as text); tabs (js-yaml takes them where the `yaml` library rejects them); a
 * lone CR (a line break for js-yaml only); a directive (`%YAML 1.1` changes the `yaml`
 * library's schema); a comment against a flow indicator or colon (`[a,#b`, `{"a":#b}`: errors
 * for the `yaml` library); a document marker past the first line (js-yaml reads `---word` at a
 * line start as `word`); a block scalar header with an indentation indicator (`|2`: js-yaml
 * counts from another column at the top level); a last line of spaces without a line break
 * (js-yaml adds the break, which a `|+` block keeps).
 */
const DIFFERENT_BY_DESIGN =
  /\uFEFF|\t|\r(?!\n)|(?:^|\n)%|[,[{:]#|\n(?:---|\.\.\.)|(?:^|[ \n])[|>](?:[-+]?[1-9]|[1-9][-+])(?![^ \r\n#])|\n +$/;

/** The one document marker the fast path reads: `---` alone on the first line. */
const FIRST_LINE_MARKER = /^---\r?\n/;

/**
 * A block scalar header and an empty first line with spaces on it: the `yaml` library wants an
 * indentation indicator when such a line is indented more than the text, js-yaml does not. A
 * header with a comment counts too (matching the comment to its line end from every `|` of
 * `|#|#|#...` would take quadratic time). Searched without the header's context (fast), which
 * is then checked at each match.
 */
const HEADER_THEN_SPACES_LINE = /[|>][-+1-9]{0,2} *(?:#|\r?\n +\r?\n)/g;

/** Whether js-yaml may read `text` differently from the `yaml` library. */
export function isDifferentByDesign(text: string): boolean {
  if (/^(?:---|\.\.\.)/.test(text) && !FIRST_LINE_MARKER.test(text)) return true;
  // A marker past the first line follows a line break, which `\n(?:---|...)` finds.
  if (DIFFERENT_BY_DESIGN.test(text)) return true;
  if (hasCommentBeforeDeeperLine(text) || hasEscapePastUnicode(text)) return true;
  HEADER_THEN_SPACES_LINE.lastIndex = 0;
  for (let match; (match = HEADER_THEN_SPACES_LINE.exec(text));) {
    // A header starts its line or follows a space (`key: |`, `- &a >-`), not text (`a|`).
    const previous = text.charCodeAt(match.index - 1);
    if (match.index === 0 || previous === 0x20 || previous === 0x0a) return true;
  }
  return false;
}

/**
 * A comment line followed (past blank and comment lines) by a line indented deeper: between
 * `- ` or `key:` and the content of its value, the `yaml` library then reads the lines that
 * follow as more of that content (`- \n#c\n  x\n- 7` as ["x - 7"]), js-yaml does not.
 */
function hasCommentBeforeDeeperLine(text: string): boolean {
  const commentLine = /(?:^|\n)( *)#/g;
  for (let match; (match = commentLine.exec(text));) {
    let shallowest = match[1]!.length;
    // The lines after it, each visited once: more comments (the shallowest counts), blank
    // lines, then the first line of content, where the search for comments goes on.
    let lineEnd = text.indexOf("\n", match.index + 1);
    for (;;) {
      if (lineEnd < 0) return false;
      const lineStart = lineEnd + 1;
      let indent = 0;
      while (text.charCodeAt(lineStart + indent) === 0x20) indent++;
      const first = text.charCodeAt(lineStart + indent);
      if (first === 0x23) shallowest = Math.min(shallowest, indent);
      else if (!Number.isNaN(first) && first !== 0x0a && first !== 0x0d) {
        if (indent > shallowest) return true;
        break;
      }
      lineEnd = text.indexOf("\n", lineStart);
    }
    commentLine.lastIndex = lineEnd;
  }
  return false;
}

/**
 * `\U00110000` and above in a double-quoted string: no character, an error for the `yaml`
 * library, two unrelated ones for js-yaml. (Any `\U` with eight hex digits counts, escape or
 * not: a false alarm only costs the slow parse.)
 */
function hasEscapePastUnicode(text: string): boolean {
  for (const [, hex] of text.matchAll(/\\U([0-9a-fA-F]{8})/g))
    if (parseInt(hex!, 16) > 0x10ffff) return true;
  return false;
}

/**
 * How many aliases the text may hold at most: `*name` wherever an alias may stand, and more
 * (`**bold**` in a description counts too).
 */
export function countAliasLike(text: string): number {
  return text.match(/(?:^|[\s[{,:])\*[^\s,[\]{}]/g)?.length ?? 0;
}
