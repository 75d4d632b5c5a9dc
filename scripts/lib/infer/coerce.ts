/**
 * Turns a string read from prose into a value of the schema's type, or says it cannot.
 * `undefined` means "not representable": callers warn instead of applying it.
 */
export function coerceToType(raw: string, type: unknown): unknown {
  switch (type) {
    case "integer":
      return /^[-+]?\d+$/.test(raw) ? Number(raw) : undefined;
    case "number":
      return /^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(raw) ? Number(raw) : undefined;
    case "boolean":
      return raw === "true" ? true : raw === "false" ? false : undefined;
    case "string":
    case undefined:
      return raw;
    default:
      return undefined;
  }
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
