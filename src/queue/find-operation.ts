import { operationTable, type OperationDescriptor } from "../internal/contract.js";

/** Every operation of the spec that goes through fal's queue. */
export function queueOperations(): OperationDescriptor[] {
  return Object.values(operationTable as Record<string, OperationDescriptor>).filter(
    (d) => d.queue,
  );
}

/** A queue operation named by its operationId or its submit path; undefined if the spec has none. */
export function findQueueOperation(name: string): OperationDescriptor | undefined {
  return queueOperations().find((d) => d.id === name || d.path === name);
}
