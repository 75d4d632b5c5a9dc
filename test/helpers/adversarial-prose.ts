/**
 * Descriptions built to make a backtracking parser explode, by class. The prose bench times
 * them at growing sizes; the fuzz test feeds them to the parser at a small size.
 */
export const ADVERSARIAL_PROSE: Record<string, (size: number) => string> = {
  "whitespace after markers": (n) =>
    "Range value:" + " ".repeat(n / 2) + "minimum" + " ".repeat(n / 2) + "x",
  "digit runs": (n) => "range " + "1".repeat(n / 2) + "-" + "9".repeat(n / 2) + "x",
  "unbroken CJK": (n) => "取值范围" + "图".repeat(n) + "默认值",
  "repeated markers": (n) => "range: default: one of: 可选值：".repeat(n / 24),
  "unclosed quotes": (n) => '"a, '.repeat(n / 4) + "‘b“".repeat(n / 6),
  "list that never ends": (n) => "Allowed values: " + "a, ".repeat(n / 3) + "and then prose",
  "pipes and 、": (n) => "a | ".repeat(n / 8) + "b、".repeat(n / 4) + "c ",
};

/** `size` characters of `unit` repeated, for the size of a class's input to be exact. */
export function sized(make: (size: number) => string, size: number): string {
  return make(size).slice(0, size);
}
