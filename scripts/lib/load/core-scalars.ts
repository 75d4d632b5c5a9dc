import { Type } from "js-yaml";

/**
 * What a plain (unquoted) scalar means under the YAML 1.2 core schema, exactly as the `yaml`
 * library resolves it with our options: the same tests in the same order (the first that
 * matches wins) and the same conversions, so a js-yaml parse gives the same numbers, booleans
 * and nulls, down to `-0`, `0o17` and `.NaN`. js-yaml's own CORE_SCHEMA differs (it reads
 * `1_000` and `0b101` as numbers, `+.5` too), so it is not used.
 */
const CORE_PLAIN_SCALARS: { test: RegExp; resolve: (text: string) => unknown }[] = [
  { test: /^(?:~|[Nn]ull|NULL)?$/, resolve: () => null },
  { test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, resolve: (s) => s[0] === "t" || s[0] === "T" },
  { test: /^0o[0-7]+$/, resolve: (s) => parseInt(s.substring(2), 8) },
  { test: /^[-+]?[0-9]+$/, resolve: (s) => parseInt(s.substring(0), 10) },
  { test: /^0x[0-9a-fA-F]+$/, resolve: (s) => parseInt(s.substring(2), 16) },
  {
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (s) =>
      s.slice(-3).toLowerCase() === "nan"
        ? NaN
        : s[0] === "-"
          ? Number.NEGATIVE_INFINITY
          : Number.POSITIVE_INFINITY,
  },
  { test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, resolve: parseFloat },
  { test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, resolve: parseFloat },
];

/** Every typed plain scalar starts with one of these: the rest are strings without a test. */
const TYPED_FIRST_CHARACTER = /^[-+.~0-9nNtTfF]/;

function findResolver(text: string): ((text: string) => unknown) | undefined {
  if (text !== "" && !TYPED_FIRST_CHARACTER.test(text)) return undefined;
  return CORE_PLAIN_SCALARS.find((scalar) => scalar.test.test(text))?.resolve;
}

/**
 * The tag js-yaml reports on a plain scalar this type resolved. The fast path checks every
 * node's tag: this one, none, or js-yaml's `?` (a plain string) are the only ones allowed.
 */
export const CORE_PLAIN_TAG = "tag:chainhub,2026:core-plain";

/**
 * A js-yaml implicit type for plain scalars. js-yaml also offers an implicit type for
 * explicit tags naming it: it then passes the tag as a second argument, and this type
 * refuses, so the parse fails and the `yaml` library reads the text instead.
 */
export const corePlainScalarType = new Type(CORE_PLAIN_TAG, {
  kind: "scalar",
  resolve: (data: unknown, explicitTag?: unknown) =>
    explicitTag === undefined && typeof data === "string" && findResolver(data) !== undefined,
  construct: (data: string) => findResolver(data)!(data),
});
