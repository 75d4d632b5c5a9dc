import { readFile } from "node:fs/promises";

/**
 * The normalized OpenAPI document (generated/openapi.json), read once on first use: the second
 * door into generated/, for the emulator only, kept apart from contract.ts so that the client's
 * entry stays free of Node.js modules and bundles for browsers.
 */
export function loadContractDocument(): Promise<Record<string, unknown>> {
  contractDocument ??= readFile(
    new URL("../../generated/openapi.json", import.meta.url),
    "utf8",
  ).then((text) => JSON.parse(text) as Record<string, unknown>);
  return contractDocument;
}

let contractDocument: Promise<Record<string, unknown>> | undefined;
