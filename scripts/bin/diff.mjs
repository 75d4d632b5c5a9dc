// `npm run diff`, from its prebuilt bundle (see run-bundled.mjs).
import { runBundled } from "./run-bundled.mjs";

await runBundled("diff");
