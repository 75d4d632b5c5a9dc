import type { ConstraintSchema } from "../internal/contract.js";

/**
 * Fills required fields the caller left out with the default the spec declares (the export
 * marks `output_format` required although the model defaults it). Optional fields stay absent:
 * the server applies its own defaults, and we do not send what the caller did not ask for.
 */
export function fillRequiredDefaults<T extends Record<string, unknown>>(
  input: T,
  schema: ConstraintSchema,
): T {
  const missing = (schema.required ?? []).filter(
    (name) =>
      input[name] === undefined &&
      schema.properties !== undefined &&
      Object.hasOwn(schema.properties, name) &&
      schema.properties[name]!.default !== undefined,
  );
  if (missing.length === 0) return input;
  const filled: Record<string, unknown> = { ...input };
  for (const name of missing) filled[name] = structuredClone(schema.properties![name]!.default);
  return filled as T;
}
