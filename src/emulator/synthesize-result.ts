import { randomUUID } from "node:crypto";
import { isRecord } from "./json.js";

export interface ImageFactory {
  /** Registers an image and returns its URL (CDN URL, or a data URI in sync mode). */
  (index: number): {
    url: string;
    width: number;
    height: number;
    content_type: string;
    file_name: string;
    file_size?: number;
  };
}

export interface SynthesisContext {
  input: Record<string, unknown>;
  seed: number;
  imageCount: number;
  makeImage: ImageFactory;
  inferenceSeconds: number;
  resolve: (schema: unknown) => Record<string, unknown> | undefined;
}

/**
 * Builds a plausible result for any operation from its result schema, following fal's
 * conventions rather than any one model: `images` are real generated images, inputs of the
 * same name (prompt, seed) are echoed, per-image boolean lists match the image count.
 */
export function synthesizeResult(schema: unknown, context: SynthesisContext, depth = 0): unknown {
  const resolved = context.resolve(schema);
  if (!resolved || depth > 6) return {};
  if (resolved.oneOf || resolved.anyOf)
    return synthesizeResult(
      ((resolved.oneOf ?? resolved.anyOf) as unknown[])[0],
      context,
      depth + 1,
    );
  switch (resolved.type) {
    case "object": {
      const out: Record<string, unknown> = {};
      const properties = isRecord(resolved.properties) ? resolved.properties : {};
      for (const [name, child] of Object.entries(properties))
        out[name] = synthesizeProperty(name, child, context, depth);
      if (Object.keys(properties).length === 0 && isRecord(resolved.additionalProperties)) {
        return { inference: context.inferenceSeconds };
      }
      return out;
    }
    case "array":
      return [];
    case "integer":
    case "number":
      return typeof resolved.minimum === "number" ? resolved.minimum : 0;
    case "boolean":
      return false;
    case "string":
      return Array.isArray(resolved.enum) ? resolved.enum[0] : "";
    default:
      return null;
  }
}

function synthesizeProperty(
  name: string,
  schema: unknown,
  context: SynthesisContext,
  depth: number,
): unknown {
  const resolved = context.resolve(schema);
  if (name === "images" && resolved?.type === "array") {
    return Array.from({ length: context.imageCount }, (_, index) => context.makeImage(index));
  }
  if (name === "seed" && (resolved?.type === "integer" || resolved?.type === "number"))
    return context.seed;
  // An id a caller will send back (a task id, a request id) must be a real, unique value.
  if ((name === "id" || name.endsWith("_id")) && resolved?.type === "string" && !resolved.enum)
    return randomUUID();
  if (name in context.input && typeof context.input[name] === typeOfSchema(resolved))
    return context.input[name];
  if (resolved?.type === "array" && context.resolve(resolved.items)?.type === "boolean") {
    return Array.from({ length: context.imageCount }, () => false);
  }
  return synthesizeResult(schema, context, depth + 1);
}

function typeOfSchema(schema: Record<string, unknown> | undefined): string {
  return schema?.type === "integer" ? "number" : String(schema?.type);
}
