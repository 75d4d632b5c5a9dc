import { ConfigurationError } from "../errors/configuration-error.js";
import type { OperationIndex } from "../internal/operation-index.js";

/**
 * `run()` needs an operation it can follow to its end: fal's queue (`x-fal-queue`) or a declared
 * task protocol (`x-async-task`). For an operation of the spec that is neither, this says what
 * to add instead of failing later with a bare TypeError; an unknown name is left to the queue's
 * own "unknown operation" error.
 */
export function assertRunnable(operations: OperationIndex, name: string): void {
  const descriptor = operations.find(name);
  if (!descriptor || descriptor.queue || descriptor.task) return;
  const route = `${descriptor.method.toUpperCase()} ${descriptor.path}`;
  throw new ConfigurationError(
    `${descriptor.id} (${route}) is not run as a job: the spec declares neither x-fal-queue nor ` +
      `x-async-task for it. If it answers with a task id, add the poll route and x-async-task in ` +
      `an overlay (the generator prints one in its "task-without-protocol" warning) and generate ` +
      `again; to call it once, use client.request("${descriptor.id}", { body }).`,
  );
}
