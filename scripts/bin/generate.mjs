// `npm run generate`, from its prebuilt bundle (see run-bundled.mjs).
import { runBundled } from "./run-bundled.mjs";

await runBundled("generate");
