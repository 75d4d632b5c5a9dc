import { startEmulator, type Emulator } from "../emulator/index.js";
import { createClient, type ChainHubClient, type ClientOptions } from "../index.js";
import { cliContract, cliEmulatorSpec } from "./cli-spec.js";

export interface Connection {
  client: ChainHubClient;
  /** Where the client talks to, for the first line of output (never the key). */
  target: string;
  close(): Promise<void>;
}

/** The real relay (key from CHAINHUB_API_KEY), or with `--emulator` a local one started here. */
export async function connect(
  useEmulator: boolean,
  { emulatorStateFile, ...options }: ClientOptions & { emulatorStateFile?: string },
): Promise<Connection> {
  let emulator: Emulator | undefined;
  if (useEmulator) {
    emulator = await startEmulator({
      timing: { queueMs: 600, runMs: 900 },
      imageScale: 0.5,
      ...(emulatorStateFile ? { stateFile: emulatorStateFile } : {}),
      ...(cliEmulatorSpec() ? { spec: cliEmulatorSpec()! } : {}),
    });
    const client = createClient({
      ...options,
      ...contractOption(),
      apiKey: emulator.apiKey,
      baseUrl: emulator.url,
    });
    return { client, target: `local emulator ${emulator.url}`, close: () => emulator!.close() };
  }
  const client = createClient({ ...options, ...contractOption() });
  return {
    client,
    target: options.baseUrl ?? process.env.CHAINHUB_BASE_URL ?? "the ChainHub API",
    close: async () => undefined,
  };
}

/** The `--contract` spec for the client; the calls here are untyped, so any spec fits. */
function contractOption(): { contract?: never } {
  const contract = cliContract();
  return (contract ? { contract } : {}) as { contract?: never };
}
