/**
 * `npm start`: edits the sample image shipped beside this file with FLUX.1 Kontext [max].
 * With no CHAINHUB_API_KEY (or with --emulator) it starts the local emulator first, so it runs
 * offline; with a key it talks to the real relay. The key is never printed. The emulator's edit
 * is the input picture tinted and banded by prompt and seed, and the output says it is emulated.
 */
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startEmulator, type Emulator } from "../emulator/index.js";
import { emulatedNote } from "../cli/emulated-note.js";
import { userFile } from "../cli/user-paths.js";
import {
  API_KEY_ENV,
  ChainHubError,
  createClient,
  saveImages,
  type ClientOptions,
} from "../index.js";
import { loadGeneratedFolder } from "../internal/load-generated-folder.js";
import { DEMO_TIMING } from "../emulator/demo-timing.js";

const { values } = parseArgs({
  options: {
    emulator: { type: "boolean", default: false },
    image: { type: "string", default: fileURLToPath(new URL("./sample.jpg", import.meta.url)) },
    prompt: { type: "string", default: "Give the wizard a red hat." },
    "aspect-ratio": { type: "string", default: "3:4" },
    out: { type: "string", default: "out" },
    // Fixes the edit (and, on the emulator, its tint): the README's pictures use --seed 42.
    seed: { type: "string" },
    // Another generated folder's spec (the tests pin the seed's this way).
    contract: { type: "string" },
  },
});

const useEmulator = values.emulator || !process.env[API_KEY_ENV];
let emulator: Emulator | undefined;

let lastProgress = "";
try {
  const spec = values.contract ? await loadGeneratedFolder(values.contract) : undefined;
  if (useEmulator) {
    emulator = await startEmulator({
      timing: DEMO_TIMING,
      imageScale: 0.5,
      ...(spec ? { spec } : {}),
    });
    console.log(
      `Local emulator on ${emulator.url} (no key, no network). Set ${API_KEY_ENV} to use the real API.`,
    );
  } else {
    console.log(`Using the real API (key from ${API_KEY_ENV}).`);
  }
  const client = createClient({
    ...(emulator ? { apiKey: emulator.apiKey, baseUrl: emulator.url, pollIntervalMs: 250 } : {}),
    // Typed as the bundled spec: the demo calls the model by its operationId in either.
    ...(spec ? { contract: spec.contract as ClientOptions["contract"] } : {}),
  });
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1).padStart(5);
  console.log(`Editing ${values.image}: "${values.prompt}"`);

  const { requestId, data } = await client.kontextMax.edit(
    {
      prompt: values.prompt,
      image: userFile(values.image), // the user's own path from the command line, or a URL
      aspect_ratio: values["aspect-ratio"] as never,
      output_format: "png",
      ...(values.seed === undefined ? {} : { seed: Number(values.seed) }),
    },
    {
      onSubmitted: (id) => console.log(`[${seconds()}s] submitted, request id ${id}`),
      // One line per change: polls that only say the same again would bury the ones that do not.
      onProgress: (p) => {
        const line = `${p.status}${p.queuePosition === undefined ? "" : ` (position ${p.queuePosition})`}`;
        if (line !== lastProgress) console.log(`[${seconds()}s] ${line}`);
        lastProgress = line;
      },
      onLog: (log) => console.log(`[${seconds()}s]   log: ${log.message}`),
    },
  );

  const saved = await saveImages(data, values.out, {
    prefix: `kontext-${requestId.replace(/[^A-Za-z0-9_-]/g, "").slice(0, 8)}`,
  });
  for (const file of saved)
    console.log(`saved ${file.path} (${file.contentType}, ${file.bytes} bytes)`);
  const emulated = emulatedNote(data);
  if (emulated) console.log(`emulated: ${emulated}`);
  const shown = {
    ...data,
    images: data.images.map((image) => ({
      ...image,
      url: image.url.startsWith("data:") ? `${image.url.slice(0, 40)}...` : image.url,
    })),
  };
  console.log("result:", JSON.stringify(shown, null, 2));
} catch (error) {
  console.error(error instanceof ChainHubError ? `${error.name}: ${error.message}` : error);
  process.exitCode = 1;
} finally {
  await emulator?.close();
}
