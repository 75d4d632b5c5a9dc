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
  type OperationIdByRoute,
  type OperationTypes,
  type QueueOperationId,
  type QueueOperationIdByPath,
  type TaskProtocol,
  type TaskCall,
  type paths,
} from "../../generated/index.gen.js";
