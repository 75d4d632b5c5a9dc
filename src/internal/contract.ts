/**
 * The only door from src/ into generated/. Everything the runtime knows about operations comes
 * through here, so a regenerated spec changes this module's exports, never the facade's code.
 * The bundled spec is only the default: `createClient({ contract })` takes any generated one.
 */
import {
  contract,
  operationTable,
  type Contract,
  type ContractTypes,
} from "../../generated/index.gen.js";
import { OperationIndex } from "./operation-index.js";

export {
  operationTable,
  serverUrls,
  type ConstraintSchema,
  type Contract,
  type ContractTypes,
  type OperationDescriptor,
  type TaskProtocol,
  type TaskCall,
  type AuthScheme,
  type paths,
} from "../../generated/index.gen.js";

/** The spec this package was generated from. */
export const defaultContract = contract;

/**
 * The bundled spec's operations, for the CLI and the emulator (a client builds its own). Pure,
 * and built from a plain binding (a property read could run a getter, so bundlers keep it): an
 * app that never reads it does not bundle it.
 */
export const bundledOperations = /* @__PURE__ */ new OperationIndex(operationTable);

/** The types a contract carries (its phantom `types`). */
export type TypesOf<C extends Contract> = NonNullable<C["types"]>;

/** The bundled spec's types: what an untyped `createClient()` is typed by. */
export type DefaultTypes = TypesOf<typeof defaultContract>;

/** Any contract's types, whatever spec it came from. */
export type AnyTypes = ContractTypes;
