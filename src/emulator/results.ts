import { createHash } from "node:crypto";
import type { OperationDescriptor } from "../internal/contract.js";
import { dimensionsFor, render } from "./images/image-store.js";
import type { Job } from "./jobs.js";
import { isRecord } from "./json.js";
import type { EmulatorState } from "./state.js";
import { synthesizeResult } from "./synthesize-result.js";

/** Follows local `$ref`s inside the normalized contract. */
export function resolveIn(contract: Record<string, unknown>) {
  return (schema: unknown): Record<string, unknown> | undefined => {
    let current = schema;
    for (let i = 0; i < 16 && isRecord(current) && typeof current.$ref === "string"; i++) {
      current = current.$ref
        .replace(/^#\//, "")
        .split("/")
        .reduce<unknown>(
          (node, key) =>
            isRecord(node) ? node[key.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined,
          contract,
        );
    }
    return isRecord(current) ? current : undefined;
  };
}

/** The queue result schema an overlay declared (`x-fal-queue.result`), else the 200 response. */
function resultSchemaOf(state: EmulatorState, descriptor: OperationDescriptor): unknown {
  const pointer = `#/paths/${descriptor.path.replace(/~/g, "~0").replace(/\//g, "~1")}/${descriptor.method}`;
  const operation = resolveIn(state.contract)({ $ref: pointer });
  const queue = operation?.["x-fal-queue"];
  if (isRecord(queue) && typeof queue.result === "string") return { $ref: queue.result };
  const ok = isRecord(operation?.responses)
    ? (operation.responses as Record<string, unknown>)["200"]
    : undefined;
  return isRecord(ok) && isRecord(ok.content)
    ? (ok.content as Record<string, { schema?: unknown }>)["application/json"]?.schema
    : undefined;
}

/** A job's result: real images (served from the CDN, or inline in sync mode), echoed inputs. */
export function resultOf(state: EmulatorState, job: Job, descriptor: OperationDescriptor): unknown {
  const input = job.input;
  const seed = typeof input.seed === "number" ? input.seed : seedFrom(job.id);
  const format = input.output_format === "png" ? "png" : "jpeg";
  const { width, height } = dimensionsFor(input.aspect_ratio, state.imageScale);
  return synthesizeResult(resultSchemaOf(state, descriptor), {
    input,
    seed,
    imageCount: typeof input.num_images === "number" ? input.num_images : 1,
    inferenceSeconds: state.timing.runMs / 1000,
    resolve: resolveIn(state.contract),
    makeImage(index) {
      const spec = { width, height, seed: seed + index, format } as const;
      const file_name = `${job.id}-${index}.${format === "png" ? "png" : "jpg"}`;
      const content_type = format === "png" ? "image/png" : "image/jpeg";
      if (input.sync_mode === true) {
        const bytes = render(spec);
        return {
          url: `data:${content_type};base64,${bytes.toString("base64")}`,
          width,
          height,
          content_type,
          file_name,
          file_size: bytes.length,
        };
      }
      state.images.register(file_name, spec);
      // Rendered on download, so its size is not known yet: omitted rather than guessed.
      return { url: `${state.cdnUrl}/files/${file_name}`, width, height, content_type, file_name };
    },
  });
}

/** The answer of an operation that is not queued: synthesized straight from its 200 schema. */
export function directResultOf(
  state: EmulatorState,
  descriptor: OperationDescriptor,
  input: Record<string, unknown>,
): unknown {
  return synthesizeResult(resultSchemaOf(state, descriptor), {
    input,
    seed: 0,
    imageCount: 0,
    inferenceSeconds: 0,
    resolve: resolveIn(state.contract),
    makeImage: () => {
      throw new Error("a direct operation has no images to serve");
    },
  });
}

/** A stable seed from a request id, as fal picks one when the caller does not. */
function seedFrom(id: string): number {
  return createHash("sha256").update(id).digest().readUInt32BE(0) % 2_147_483_647;
}
