import { ConfigurationError } from "../errors/configuration-error.js";
import type { OperationDescriptor, TaskProtocol } from "./contract.js";

/** An operation with a declared task protocol (`x-async-task`). */
export type TaskOperation = OperationDescriptor & { task: TaskProtocol };

/**
 * One spec's operations, found by the names callers use: operationId, `"METHOD /path"`, or (for
 * operations run as jobs) the submit path. Built per client, so each client speaks its own spec.
 * Lookups are map reads (a spec may have thousands of operations, and `run` looks one up per
 * call); the maps are built on the first lookup, so a client that never looks up pays nothing.
 */
export class OperationIndex {
  readonly #operations: OperationDescriptor[];
  #maps: NameMaps | undefined;

  constructor(table: { readonly [id: string]: OperationDescriptor }) {
    this.#operations = Object.values(table);
  }

  all(): readonly OperationDescriptor[] {
    return this.#operations;
  }

  /** By operationId, `"METHOD /path"`, or a job operation's submit path. */
  find(name: string): OperationDescriptor | undefined {
    return this.#names().any.get(name);
  }

  /** Like `find`, or a ConfigurationError naming the operations the spec has. */
  require(name: string): OperationDescriptor {
    const found = this.find(name);
    if (found) return found;
    throw unknownOperation("operation", name, this.#operations);
  }

  /** Operations submitted to fal's queue. */
  queueOperations(): OperationDescriptor[] {
    return this.#operations.filter((d) => d.queue);
  }

  /** A queue operation by operationId or submit path. */
  findQueue(name: string): OperationDescriptor | undefined {
    return this.#names().queue.get(name);
  }

  /** Like `findQueue`, or a ConfigurationError naming the queue operations the spec has. */
  requireQueue(name: string): OperationDescriptor {
    const found = this.findQueue(name);
    if (found) return found;
    throw unknownOperation("queue operation", name, this.queueOperations());
  }

  /** An operation with a declared task protocol, by operationId or submit path. */
  task(name: string): TaskOperation | undefined {
    return this.#names().task.get(name) as TaskOperation | undefined;
  }

  /**
   * Each name maps to the first operation, in table order, that answers to it: what a scan in
   * that order would find, when two operations share a name (one's id, another's path).
   */
  #names(): NameMaps {
    if (this.#maps) return this.#maps;
    const maps: NameMaps = { any: new Map(), queue: new Map(), task: new Map() };
    const add = (
      map: Map<string, OperationDescriptor>,
      d: OperationDescriptor,
      ...names: string[]
    ) => {
      for (const name of names) if (!map.has(name)) map.set(name, d);
    };
    for (const d of this.#operations) {
      const job = d.queue || d.task !== undefined;
      add(maps.any, d, d.id, `${d.method.toUpperCase()} ${d.path}`, ...(job ? [d.path] : []));
      if (d.queue) add(maps.queue, d, d.id, d.path);
      if (d.task !== undefined) add(maps.task, d, d.id, d.path);
    }
    return (this.#maps = maps);
  }
}

interface NameMaps {
  /** Every operation by id, `"METHOD /path"`, and job operations by submit path. */
  any: Map<string, OperationDescriptor>;
  /** Queue operations by id and submit path. */
  queue: Map<string, OperationDescriptor>;
  /** Task operations by id and submit path. */
  task: Map<string, OperationDescriptor>;
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
