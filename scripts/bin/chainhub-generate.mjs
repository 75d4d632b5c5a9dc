#!/usr/bin/env node
// The `chainhub-generate` bin: loads the bundled generator, or says which libraries to install.
// They are optional peers, so that apps that only call the API do not download a compiler.
const PEERS = [
  "openapi-typescript",
  "typescript",
  "ts-morph",
  "prettier",
  "yaml",
  "jsonpath-rfc9535",
];

try {
  await import("./generate-main.mjs");
} catch (error) {
  // ERR_MODULE_NOT_FOUND from an import, MODULE_NOT_FOUND from a require (ts-morph, yaml).
  const missing =
    (error?.code === "ERR_MODULE_NOT_FOUND" || error?.code === "MODULE_NOT_FOUND") &&
    PEERS.find((p) => String(error.message).includes(`'${p}'`));
  if (!missing) throw error;
  console.error(
    `chainhub-generate: "${missing}" is not installed. The generator needs: npm install --save-dev ${PEERS.join(" ")}`,
  );
  process.exit(2);
}
