/**
 * ChainHub fal relay client: typed, validated, retried, queue-aware. `createClient` is where to
 * start.
 * @packageDocumentation
 */
export {
  createClient,
  type ChainHubClient,
  type KontextMaxEditInput,
  type RunOptions,
} from "./client.js";
export { API_KEY_ENV, BASE_URL_ENV, type ClientOptions } from "./options.js";
export * from "./errors/index.js";
export { QueueClient } from "./queue/queue-client.js";
export type * from "./queue/types.js";
export type * from "./request/types.js";
export { saveImages, type SaveImagesOptions, type SavedImage } from "./files/save-images.js";
export { FileInputError, type FileInput, type WithFileInputs } from "./files/file-inputs.js";
export { fileFrom, LocalFile } from "./files/local-file.js";
export type { RetryOptions } from "./internal/retry-policy.js";
export type { RetryEvent } from "./middleware/retry.js";
export type { Logger } from "./middleware/logging.js";
export type { Middleware } from "openapi-fetch";
