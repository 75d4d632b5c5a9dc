import { bundledOperations } from "../internal/contract.js";
import { loadGeneratedFolder, type GeneratedSpec } from "../internal/load-generated-folder.js";
import { OperationIndex } from "../internal/operation-index.js";
import { CliUsageError } from "./exit-codes.js";

/** The spec `kontext` speaks: the bundled one, or a generated folder given with `--contract`. */
let chosen: (GeneratedSpec & { operations: OperationIndex }) | undefined;

export async function useGeneratedFolder(dir: string): Promise<void> {
  try {
    const spec = await loadGeneratedFolder(dir);
    chosen = { ...spec, operations: new OperationIndex(spec.contract.operationTable) };
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
}

export function cliOperations(): OperationIndex {
  return chosen?.operations ?? bundledOperations;
}

/** The spec chosen with `--contract`, for the client and the emulator; undefined: the bundled one. */
export function cliSpec(): GeneratedSpec | undefined {
  return chosen;
}
