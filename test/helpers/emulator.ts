import { afterAll, beforeAll } from "vitest";
import { startEmulator, type Emulator, type EmulatorOptions } from "../../src/emulator/index.js";
import { createClient, type ChainHubClient, type ClientOptions } from "../../src/index.js";
import { seedContract, seedSpec, type SeedTypes } from "./seed.js";

/** Every state seen once, by polls rather than by the clock: no test races a slow machine. */
export const FAST_TIMING = { queueMs: 0, runMs: 0, queuePolls: 1, runPolls: 1 } as const;

export const TEST_KEY = "sk-test-0123456789abcdef";

/**
 * Starts an emulator on 127.0.0.1 for the enclosing describe block. Jobs take no time but move
 * on by status polls (one queued, one running, then done), so every state is seen however
 * loaded the machine is. Both it and its clients speak the pinned seed (test/fixtures/seed/),
 * whatever generated/ holds.
 */
export function useEmulator(options: EmulatorOptions = {}): {
  readonly emulator: Emulator;
  client(extra?: Omit<ClientOptions, "contract">): ChainHubClient<SeedTypes>;
} {
  let emulator: Emulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator({
      apiKey: TEST_KEY,
      timing: FAST_TIMING,
      imageScale: 0.125,
      spec: seedSpec,
      ...options,
    });
  });
  afterAll(async () => {
    await emulator?.close();
  });
  return {
    get emulator() {
      return emulator!;
    },
    client(extra = {}) {
      return createClient({
        contract: seedContract,
        apiKey: TEST_KEY,
        baseUrl: emulator!.url,
        pollIntervalMs: 10,
        retry: { initialDelayMs: 5 },
        timeoutMs: 5_000,
        ...extra,
      });
    },
  };
}

export const validInput = {
  prompt: "Put a donut next to the flour.",
  image_url: "https://v3.fal.media/files/rabbit/example.png",
  output_format: "png",
  aspect_ratio: "16:9",
} as const;

/** Submits seen by the emulator for the seed operation. */
export function submits(emulator: Emulator): number {
  return emulator.stats.submits.falAiFluxProKontextMax ?? 0;
}
