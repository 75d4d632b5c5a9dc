/**
 * Turns a string read from prose into a value of the schema's type, or says it cannot.
 * `undefined` means "not representable": callers warn instead of applying it.
 */
export function coerceToType(raw: string, type: unknown): unknown {
  switch (type) {
    case "integer":
      // Beyond 2^53 a number no longer means what the text says: not representable, not applied.
      return /^[-+]?\d+$/.test(raw) && Number.isSafeInteger(Number(raw)) ? Number(raw) : undefined;
    case "number":
      return /^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(raw) && exact(raw) ? Number(raw) : undefined;
    case "boolean":
      return raw === "true" ? true : raw === "false" ? false : undefined;
    case "string":
    case undefined:
      return raw;
    default:
      return undefined;
  }
}

/** A decimal that a double holds as written: finite, and at most 15 significant digits. */
function exact(raw: string): boolean {
  if (!Number.isFinite(Number(raw))) return false;
  // Index scans, not /0+$/: that pattern retries from every zero, quadratic on a digit run.
  const mantissa = raw.replace(/^[-+]/, "").split(/[eE]/, 1)[0]!.replace(".", "");
  let first = 0;
  let last = mantissa.length;
  while (first < last && mantissa[first] === "0") first++;
  while (last > first && mantissa[last - 1] === "0") last--;
  return last - first <= 15;
}

/** Whether a value already in a document (an example, a default) fits the declared type. */
export function matchesType(value: unknown, type: unknown): boolean {
  switch (type) {
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "number":
      return typeof value === "number";
    case "boolean":
      return typeof value === "boolean";
    case "string":
      return typeof value === "string";
    case "array":
      return Array.isArray(value);
    case "object":
      return value !== null && typeof value === "object" && !Array.isArray(value);
    default:
      return true;
  }
}
