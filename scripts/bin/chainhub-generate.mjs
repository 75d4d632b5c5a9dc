#!/usr/bin/env node
// The `chainhub-generate` bin: loads the bundled generator, or says which libraries to install.
// They are optional peers, so that apps that only call the API do not download a compiler.
import { dirname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { installCompileCache } from "./compile-cache.mjs";

const PEERS = [
  "openapi-typescript",
  "typescript",
  "ts-morph",
  "prettier",
  "yaml",
  "js-yaml",
  "jsonpath-rfc9535",
];

// Installed, this package sits in a node_modules folder: its compile cache goes where tools keep
// theirs, node_modules/.cache/. Anywhere else (a checkout), it runs without one.
const here = dirname(fileURLToPath(import.meta.url));
const installedAt = here.lastIndexOf(`${sep}node_modules${sep}`);
if (installedAt >= 0 && !process.argv.includes("--debug"))
  installCompileCache(
    join(here.slice(0, installedAt), "node_modules", ".cache", "chainhub-generate"),
  );

try {
  await import("./generate-main.mjs");
} catch (error) {
  // ERR_MODULE_NOT_FOUND from an import, MODULE_NOT_FOUND from a require (ts-morph, yaml,
  // prettier): the peer's name quoted, or a subpath of it ('prettier/standalone').
  const missing =
    (error?.code === "ERR_MODULE_NOT_FOUND" || error?.code === "MODULE_NOT_FOUND") &&
    PEERS.find((p) =>
      [`'${p}'`, `'${p}/`].some((quoted) => String(error.message).includes(quoted)),
    );
  if (!missing) throw error;
  console.error(
    `chainhub-generate: "${missing}" is not installed. The generator needs: npm install --save-dev ${PEERS.join(" ")}`,
  );
  process.exit(2);
}
