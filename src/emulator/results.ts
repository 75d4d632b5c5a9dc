import { createHash } from "node:crypto";
import type { OperationDescriptor } from "../internal/contract.js";
import { dimensionsFor, render } from "./images/image-store.js";
import { readInputImage } from "./images/input-image.js";
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
  const extension = format === "png" ? "png" : "jpg";
  const firstImage = `${job.id}-0.${extension}`;
  const picture = inputPictureOf(state, input, firstImage);
  const inputRatio = picture?.raster ? picture.raster.width / picture.raster.height : undefined;
  // A result fetched again keeps the size it was first given (the input is not decoded twice).
  const { width, height } =
    state.images.spec(firstImage) ??
    dimensionsFor(input.aspect_ratio, state.imageScale, inputRatio);
  const edit = picture?.edited
    ? { load: picture.load, prompt: typeof input.prompt === "string" ? input.prompt : "" }
    : undefined;
  const result = synthesizeResult(resultSchemaOf(state, descriptor), {
    input,
    seed,
    imageCount: typeof input.num_images === "number" ? input.num_images : 1,
    inferenceSeconds: state.timing.runMs / 1000,
    resolve: resolveIn(state.contract),
    makeImage(index) {
      const spec = {
        width,
        height,
        seed: seed + index,
        format,
        note: picture?.note,
        edit,
      } as const;
      const file_name = `${job.id}-${index}.${extension}`;
      const content_type = format === "png" ? "image/png" : "image/jpeg";
      if (input.sync_mode === true) {
        const bytes = render(spec, picture?.raster);
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
  return markEmulated(state, descriptor, result, picture?.note);
}

/**
 * The input picture, decoded once per job: a later fetch of the same result finds the note its
 * first image was registered with and skips decoding again.
 */
function inputPictureOf(state: EmulatorState, input: Record<string, unknown>, firstImage: string) {
  const known = state.images.spec(firstImage);
  const ownFiles = (url: string) => {
    const prefix = `${state.cdnUrl}/files/`;
    return state.cdnUrl && url.startsWith(prefix)
      ? state.images.bytes(decodeURIComponent(url.slice(prefix.length)))?.bytes
      : undefined;
  };
  if (known?.note !== undefined) {
    const load = known.edit?.load ?? (() => undefined);
    return { load, raster: undefined, edited: known.edit !== undefined, note: known.note };
  }
  const picture = readInputImage(input, ownFiles);
  if (!picture) return undefined;
  const note = picture.raster
    ? `its image is ${picture.description}, cropped to the requested shape and tinted by prompt and seed`
    : `its image is a synthetic pattern: ${picture.description}`;
  return { load: picture.load, raster: picture.raster, edited: !!picture.raster, note };
}

/**
 * Says in the result itself that no model made it, in a field the result schema leaves open
 * (fal's result objects do not forbid extra properties): `emulated`, one sentence.
 */
function markEmulated(
  state: EmulatorState,
  descriptor: OperationDescriptor,
  result: unknown,
  note: string | undefined,
): unknown {
  const schema = resolveIn(state.contract)(resultSchemaOf(state, descriptor));
  const closed = schema?.additionalProperties === false;
  const declared = isRecord(schema?.properties) && "emulated" in schema.properties;
  if (!isRecord(result) || closed || declared) return result;
  const sentence = `Made by the local ChainHub emulator, not by a model${note ? `; ${note}` : ""}.`;
  return { ...result, emulated: sentence };
}

/** The answer of an operation that is not queued: synthesized straight from its 200 schema. */
export function directResultOf(
  state: EmulatorState,
  descriptor: OperationDescriptor,
  input: Record<string, unknown>,
): unknown {
  const result = synthesizeResult(resultSchemaOf(state, descriptor), {
    input,
    seed: 0,
    imageCount: 0,
    inferenceSeconds: 0,
    resolve: resolveIn(state.contract),
    makeImage: () => {
      throw new Error("a direct operation has no images to serve");
    },
  });
  return markEmulated(state, descriptor, result, undefined);
}

/** A stable seed from a request id, as fal picks one when the caller does not. */
function seedFrom(id: string): number {
  return createHash("sha256").update(id).digest().readUInt32BE(0) % 2_147_483_647;
}
