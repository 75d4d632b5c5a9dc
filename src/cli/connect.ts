import { startEmulator, type Emulator } from "../emulator/index.js";
import { createClient, type ChainHubClient, type ClientOptions } from "../index.js";
import { cliSpec } from "./cli-spec.js";
import { DEMO_TIMING } from "../emulator/demo-timing.js";

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
  const spec = cliSpec();
  // The calls here are by operationId, untyped: typed as the bundled spec, any spec fits.
  const contract = spec ? { contract: spec.contract as ClientOptions["contract"] } : {};
  if (useEmulator) {
    emulator = await startEmulator({
      timing: DEMO_TIMING,
      imageScale: 0.5,
      ...(emulatorStateFile ? { stateFile: emulatorStateFile } : {}),
      ...(spec ? { spec } : {}),
    });
    const client = createClient({
      ...options,
      ...contract,
      apiKey: emulator.apiKey,
      baseUrl: emulator.url,
    });
    return { client, target: `local emulator ${emulator.url}`, close: () => emulator!.close() };
  }
  const client = createClient({ ...options, ...contract });
  return {
    client,
    target: options.baseUrl ?? process.env.CHAINHUB_BASE_URL ?? "the ChainHub API",
    close: async () => undefined,
  };
}
