import { ConfigurationError } from "../errors/configuration-error.js";
import type { OperationDescriptor, TaskProtocol } from "./contract.js";

/** An operation with a declared task protocol (`x-async-task`). */
export type TaskOperation = OperationDescriptor & { task: TaskProtocol };

/**
 * One spec's operations, found by the names callers use: operationId, `"METHOD /path"`, or (for
 * operations run as jobs) the submit path. Built per client, so each client speaks its own spec.
 */
export class OperationIndex {
  private readonly operations: OperationDescriptor[];

  constructor(table: { readonly [id: string]: OperationDescriptor }) {
    this.operations = Object.values(table);
  }

  all(): readonly OperationDescriptor[] {
    return this.operations;
  }

  /** By operationId, `"METHOD /path"`, or a job operation's submit path. */
  find(name: string): OperationDescriptor | undefined {
    return this.operations.find(
      (d) =>
        d.id === name ||
        `${d.method.toUpperCase()} ${d.path}` === name ||
        ((d.queue || d.task !== undefined) && d.path === name),
    );
  }

  /** Like `find`, or a ConfigurationError naming the operations the spec has. */
  require(name: string): OperationDescriptor {
    const found = this.find(name);
    if (found) return found;
    throw unknownOperation("operation", name, this.operations);
  }

  /** Operations submitted to fal's queue. */
  queueOperations(): OperationDescriptor[] {
    return this.operations.filter((d) => d.queue);
  }

  /** A queue operation by operationId or submit path. */
  findQueue(name: string): OperationDescriptor | undefined {
    return this.operations.find((d) => d.queue && (d.id === name || d.path === name));
  }

  /** Like `findQueue`, or a ConfigurationError naming the queue operations the spec has. */
  requireQueue(name: string): OperationDescriptor {
    const found = this.findQueue(name);
    if (found) return found;
    throw unknownOperation("queue operation", name, this.queueOperations());
  }

  /** An operation with a declared task protocol, by operationId or submit path. */
  task(name: string): TaskOperation | undefined {
    const found = this.operations.find(
      (d) => d.task !== undefined && (d.id === name || d.path === name),
    );
    return found as TaskOperation | undefined;
  }

  /** The operationIds of the spec (or of its queue operations), for "known: …" in errors. */
  known(only?: "queue"): string {
    return this.operations
      .filter((d) => only !== "queue" || d.queue)
      .map((d) => d.id)
      .join(", ");
  }
}

/** Names shown in the error: enough to spot a typo, bounded for a spec of thousands. */
const SHOWN = 20;

/** Nothing was sent: the name is not one of this client's spec (or not the kind asked for). */
function unknownOperation(
  kind: string,
  name: unknown,
  candidates: readonly OperationDescriptor[],
): ConfigurationError {
  const shown = candidates.slice(0, SHOWN).map((d) => d.id);
  const more = candidates.length > SHOWN ? ` and ${candidates.length - SHOWN} more` : "";
  const known =
    candidates.length === 0
      ? `this client's spec has no ${kind}s`
      : `known: ${shown.join(", ")}${more}`;
  const text = String(name);
  const quoted = JSON.stringify(text.length > 100 ? `${text.slice(0, 100)}…` : text);
  return new ConfigurationError(`unknown ${kind} ${quoted}; ${known}`);
}
