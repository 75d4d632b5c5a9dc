/**
 * Limits every file of a run (spec, overlay, referenced file) is held to before it is parsed,
 * so hostile or broken input ends in a located error instead of hours of work, gigabytes of
 * memory, or a parser's stack overflow.
 */

/**
 * Largest spec read, in characters (its referenced files counted together; each overlay on its
 * own): the vendor's export is a few KB, and a synthetic one of 2,000 operations 2.9 MB.
 */
export const MAX_INPUT_CHARS = 8 * 1024 * 1024;

/**
 * Deepest nesting of YAML collections: real specs stay under 40 levels, and every stage after
 * the parser (bundling, inference, openapi-typescript) recurses once per level.
 */
export const MAX_NESTING = 100;

/**
 * Most copies aliases may make, as the `yaml` library counts them (its `maxAliasCount`): far
 * above what a spec shares by alias, far below what exhausts memory.
 */
export const MAX_ALIAS_COUNT = 1000;

export interface BoundsViolation {
  code: "input-too-large" | "yaml-too-deep";
  message: string;
  line: number;
}

/**
 * repairYaml and parseYaml both check the root spec's text: the last answer is kept (one entry,
 * for the identical text) so that a big spec is scanned once.
 */
let last: { text: string; violation: BoundsViolation | undefined } | undefined;

/** What makes `text` too big or too deep to read, if anything. Linear in the text's length. */
export function findBoundsViolation(text: string): BoundsViolation | undefined {
  if (last?.text !== text) last = { text, violation: checkBounds(text) };
  return last.violation;
}

function checkBounds(text: string): BoundsViolation | undefined {
  if (text.length > MAX_INPUT_CHARS)
    return {
      code: "input-too-large",
      message: `the file has ${text.length.toLocaleString("en")} characters; the limit is ${MAX_INPUT_CHARS.toLocaleString("en")} (${MAX_INPUT_CHARS / 1024 / 1024} MiB)`,
      line: 1,
    };
  const deep = firstTooDeepLine(text);
  if (deep !== undefined)
    return {
      code: "yaml-too-deep",
      message: `collections are nested more than ${MAX_NESTING} levels deep here; no real spec needs that`,
      line: deep,
    };
  return undefined;
}

/**
 * An estimate that only ever over-counts real nesting a little: each deeper indentation opens a
 * level (block collections), and so does each `[` or `{` outside quotes (flow collections, JSON).
 */
function firstTooDeepLine(text: string): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let quote: string | undefined;
  let lineNumber = 0;
  for (const line of text.split("\n")) {
    lineNumber++;
    if (flow === 0 && quote === undefined) {
      const content = line.trimStart();
      if (content === "" || content.startsWith("#")) continue;
      const indent = line.length - content.length;
      while (indents.length > 0 && indents[indents.length - 1]! > indent) indents.pop();
      if (indents.length === 0 || indents[indents.length - 1]! < indent) indents.push(indent);
      // `- - - x` nests one sequence per dash on a single line.
      const dashes = /^(?:-\s+)+/.exec(content)?.[0].replace(/\s/g, "").length ?? 0;
      if (indents.length + dashes > MAX_NESTING) return lineNumber;
    }
    // What came last before this character, skipping spaces: a bracket after "", ":" or "-"
    // starts a value; one in mid-text ("see [docs") is just text.
    let last = "";
    let beforeLast = " ";
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      const startsValue = last === "" || last === ":" || (last === "-" && beforeLast === " ");
      if (c !== " " && c !== "\t") {
        beforeLast = i > 0 ? line[i - 1]! : " ";
        last = c;
      }
      if (quote !== undefined) {
        if (c === "\\" && quote === '"') i++;
        else if (c === quote) quote = undefined;
      } else if (c === "#" && (i === 0 || line[i - 1] === " ")) break;
      else if (flow > 0 && (c === '"' || c === "'")) quote = c;
      else if ((c === "[" || c === "{") && (flow > 0 || startsValue)) {
        if (++flow + indents.length > MAX_NESTING) return lineNumber;
      } else if ((c === "]" || c === "}") && flow > 0) flow--;
    }
  }
  return undefined;
}
