/**
 * `npm run emulator -- --port 4010 --api-key sk-test`: runs the local relay until Ctrl-C and
 * prints its base URL once ready.
 */
import { parseArgs } from "node:util";
import { startEmulator } from "./server.js";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4010" },
    "api-key": { type: "string", default: "sk-emulator" },
    "queue-ms": { type: "string", default: "200" },
    "run-ms": { type: "string", default: "300" },
    "image-scale": { type: "string", default: "1" },
    help: { type: "boolean", short: "h", default: false },
  },
});

if (values.help) {
  console.log(
    "Usage: npm run emulator -- [--port 4010] [--api-key sk-emulator] [--queue-ms 200] [--run-ms 300] [--image-scale 1]",
  );
  process.exit(0);
}

const emulator = await startEmulator({
  port: Number(values.port),
  apiKey: values["api-key"],
  timing: { queueMs: Number(values["queue-ms"]), runMs: Number(values["run-ms"]) },
  imageScale: Number(values["image-scale"]),
});
console.log(`ChainHub emulator listening on ${emulator.url} (images from ${emulator.cdnUrl})`);
console.log(
  `Use it with: CHAINHUB_BASE_URL=${emulator.url} CHAINHUB_API_KEY=<the --api-key you chose>`,
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void emulator.close().then(() => process.exit(0));
  });
}
