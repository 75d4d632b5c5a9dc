import {
  operationTable,
  type OperationDescriptor,
  type TaskProtocol,
} from "../internal/contract.js";

/** An operation with a declared task protocol (`x-async-task`), by operationId or submit path. */
export function findTaskOperation(
  name: string,
): (OperationDescriptor & { task: TaskProtocol }) | undefined {
  const found = Object.values(operationTable as Record<string, OperationDescriptor>).find(
    (d) => d.task !== undefined && (d.id === name || d.path === name),
  );
  return found as (OperationDescriptor & { task: TaskProtocol }) | undefined;
}
