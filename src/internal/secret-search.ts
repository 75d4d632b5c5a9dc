/**
 * Finds a secret however a relay spelled it: in any letter case, and with any of its characters
 * written as `%HH`, `\uHHHH` or `\xHH` (URL encoders, JSON serializers and log formatters each
 * escape a different set, some every character). The text is decoded once into a lower-case
 * "canonical" copy that remembers where each of its characters came from; needles are searched
 * there with `indexOf` and the matching stretches replaced in the original. Linear in the text.
 */
export interface SecretSearch {
  /** `text` with every stretch that spells one of the needles replaced by `replacement`. */
  replace(text: string, replacement: string): string;
}

/** Needles are compared decoded and lower-cased: a key in another letter case is still the key. */
export function createSecretSearch(needles: readonly string[]): SecretSearch {
  // A needle is searched as the text will read once decoded: a key that itself contains "%41"
  // reads "a" there when raw, and "%41" when it was encoded; both forms are searched.
  const lowered = [...new Set(needles.flatMap((n) => [n.toLowerCase(), canonicalize(n).text]))]
    // Longest first, so a needle that contains another is replaced whole.
    .sort((a, b) => b.length - a.length);

  return {
    replace(text, replacement) {
      if (lowered.length === 0) return text;
      const canonical = canonicalize(text);
      const spans: [number, number][] = [];
      const taken = new Uint8Array(canonical.text.length);
      for (const needle of lowered) {
        for (let at = canonical.text.indexOf(needle); at !== -1;) {
          const end = at + needle.length;
          if (!taken.subarray(at, end).some(Boolean)) {
            taken.fill(1, at, end);
            spans.push([canonical.origin(at), canonical.origin(end)]);
          }
          at = canonical.text.indexOf(needle, end);
        }
      }
      if (spans.length === 0) return text;
      spans.sort((a, b) => a[0] - b[0]);
      let out = "";
      let cursor = 0;
      for (const [start, end] of spans) {
        out += text.slice(cursor, start) + replacement;
        cursor = end;
      }
      return out + text.slice(cursor);
    },
  };
}

interface Canonical {
  text: string;
  /** Where the canonical character at `index` (or the end, at `text.length`) starts in the original. */
  origin(index: number): number;
}

// One escaped character: %HH, \uHHHH, \xHH. Fixed widths, so the scan below never backtracks.
const ESCAPE = /%([0-9a-f]{2})|\\u([0-9a-f]{4})|\\x([0-9a-f]{2})/iy;
const ESCAPE_START = /[%\\]/g;

function canonicalize(text: string): Canonical {
  const lower = text.toLowerCase();
  // The common case (no escapes, lower-casing kept every length): positions are the identity.
  if (!/[%\\]/.test(text) && lower.length === text.length)
    return { text: lower, origin: (index) => index };

  const parts: string[] = [];
  // Typed, and written in runs: a body of megabytes must not become millions of boxed numbers.
  let origins = new Int32Array(text.length + 8);
  let size = 0;
  const push = (decoded: string, from: number, step: number) => {
    if (size + decoded.length + 1 > origins.length) {
      const grown = new Int32Array(origins.length * 2 + decoded.length);
      grown.set(origins);
      origins = grown;
    }
    for (let k = 0; k < decoded.length; k++) origins[size++] = from + (step ? k : 0);
    parts.push(decoded);
  };
  for (let i = 0; i < text.length;) {
    ESCAPE_START.lastIndex = i;
    const next = ESCAPE_START.exec(text)?.index ?? text.length;
    if (next > i) {
      const run = text.slice(i, next);
      const lowered = run.toLowerCase();
      if (lowered.length === run.length) push(lowered, i, 1);
      else for (let k = 0; k < run.length; k++) push(run[k]!.toLowerCase(), i + k, 0);
      i = next;
      continue;
    }
    ESCAPE.lastIndex = i;
    const escape = ESCAPE.exec(text);
    const hex = escape ? (escape[1] ?? escape[2] ?? escape[3])! : undefined;
    push((hex ? String.fromCharCode(parseInt(hex, 16)) : text[i]!).toLowerCase(), i, 0);
    i += escape ? escape[0].length : 1;
  }
  origins[size] = text.length;
  const final = origins;
  return { text: parts.join(""), origin: (index) => final[index]! };
}
