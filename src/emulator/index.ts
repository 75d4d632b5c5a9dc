/**
 * The local relay emulator, for demos and for users' own tests: `import { startEmulator } from "chainhub-fal-client/emulator"`.
 * @packageDocumentation
 */
export {
  startEmulator,
  type Emulator,
  type EmulatorOptions,
  type EmulatorStats,
} from "./server.js";
export type { Fault, FaultKind, Route } from "./faults.js";
