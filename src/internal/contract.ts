/**
 * The only door from src/ into generated/. Everything the runtime knows about operations comes
 * through here, so a regenerated spec changes this module's exports, never the facade's code.
 */
export {
  operationTable,
  serverUrls,
  type ConstraintSchema,
  type OperationDescriptor,
  type OperationId,
  type OperationTypes,
  type QueueOperationId,
  type QueueOperationIdByPath,
  type paths,
} from "../../generated/index.gen.js";

/** The normalized OpenAPI document (generated/openapi.json), read once on first use. */
export async function loadContractDocument(): Promise<Record<string, unknown>> {
  contractDocument ??= import("node:fs/promises").then(
    async ({ readFile }) =>
      JSON.parse(
        await readFile(new URL("../../generated/openapi.json", import.meta.url), "utf8"),
      ) as Record<string, unknown>,
  );
  return contractDocument;
}

let contractDocument: Promise<Record<string, unknown>> | undefined;
