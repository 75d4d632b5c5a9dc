import type { Emulator } from "../emulator/index.js";
import {
  API_KEY_ENV,
  BASE_URL_ENV,
  createClient,
  type ChainHubClient,
  type ClientOptions,
} from "../index.js";
import { defaultContract, type Contract } from "../internal/contract.js";
import { cliSpec } from "./cli-spec.js";
import { DEMO_TIMING } from "../emulator/demo-timing.js";
import { CliUsageError } from "./exit-codes.js";

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
    // Loaded only here: a run against the real relay does not pay for the emulator's modules.
    const { startEmulator } = await import("../emulator/index.js");
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
  if (!process.env[API_KEY_ENV])
    throw new CliUsageError(
      `no API key: set ${API_KEY_ENV} in the environment (there is no flag, so the key stays out of your shell history), or add --emulator to run on a local emulator`,
    );
  checkBaseUrl(options, spec?.contract ?? defaultContract);
  const client = createClient({ ...options, ...contract });
  return {
    client,
    target: options.baseUrl ?? process.env.CHAINHUB_BASE_URL ?? "the ChainHub API",
    close: async () => undefined,
  };
}

/**
 * The client's configuration errors speak to library users (`pass { baseUrl } to createClient`);
 * a CLI user sets a flag or an environment variable, so the CLI checks the same two conditions
 * first and says them that way.
 */
function checkBaseUrl(options: ClientOptions, contract: Pick<Contract, "serverUrls">): void {
  const given = options.baseUrl ?? process.env[BASE_URL_ENV];
  if (given === undefined || given === "") {
    if (contract.serverUrls.length > 0) return;
    throw new CliUsageError(
      `no base URL: this spec lists no server; pass --base-url <url> or set ${BASE_URL_ENV}`,
    );
  }
  if (!URL.canParse(given))
    throw new CliUsageError(
      `${options.baseUrl ? "--base-url" : BASE_URL_ENV} "${given}" is not an absolute URL (e.g. https://relay.example.com)`,
    );
}
