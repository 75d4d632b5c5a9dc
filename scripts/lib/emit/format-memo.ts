import { createHash } from "node:crypto";

/** A text given to prettier, by its key, and what prettier made of it. */
export type FormatEntries = Iterable<readonly [key: string, formatted: string]>;

/**
 * Formatted texts remembered from an earlier run. prettier is a pure function of its input
 * under our fixed options, so a text seen before needs no formatting: its result is looked up
 * by a hash of the text, salted with prettier's version and the options (a new prettier or new
 * options miss every entry rather than reuse another printer's output). Pure: it is read
 * from and saved to disk by write/format-memo-file.ts.
 *
 * On an unchanged spec every output file is found whole; on an edited one the pieces of
 * format-in-pieces.ts that did not change are found, and only the others are formatted.
 */
export class FormatMemo {
  private readonly known: Map<string, string>;
  private readonly used = new Map<string, string>();
  private computed = 0;

  constructor(
    /** Identifies the formatter: prettier's version and options. */
    readonly salt: string,
    entries: FormatEntries = [],
  ) {
    this.known = new Map(entries);
  }

  /** The formatted `text`: remembered, or `format`'s result, remembered from now on. */
  async remember(text: string, format: (text: string) => Promise<string>): Promise<string> {
    const key = this.keyOf(text);
    let formatted = this.known.get(key);
    if (formatted === undefined) {
      formatted = await format(text);
      this.known.set(key, formatted);
      this.computed++;
    }
    this.used.set(key, formatted);
    return formatted;
  }

  /** `format`, looking each text up first. */
  wrap(format: (text: string) => Promise<string>): (text: string) => Promise<string> {
    return (text) => this.remember(text, format);
  }

  /** Whether this run formatted anything it did not know (if not, nothing needs saving). */
  get changed(): boolean {
    return this.computed > 0;
  }

  /**
   * What to keep for the next run: every entry this run used, then the older ones it did not
   * (the pieces of a file found whole, a spec edited back) while they total at most
   * `extraShare` times the used entries' size, so the memo stays near the output's size.
   */
  entriesToKeep(extraShare = 2): [string, string][] {
    const kept = [...this.used];
    const usedChars = kept.reduce((sum, [, text]) => sum + text.length, 0);
    let extraChars = 0;
    for (const [key, text] of this.known) {
      if (this.used.has(key)) continue;
      extraChars += text.length;
      if (extraChars > usedChars * extraShare) break;
      kept.push([key, text]);
    }
    return kept;
  }

  private keyOf(text: string): string {
    return createHash("sha256").update(this.salt).update("\0").update(text).digest("base64url");
  }
}
