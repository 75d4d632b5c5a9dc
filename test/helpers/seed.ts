/**
 * The seed's contract (test/fixtures/seed/), for the tests about FLUX.1 Kontext [max]: they
 * keep passing whatever spec the project's generated/ holds.
 */
import { readFileSync } from "node:fs";
import { contract } from "../fixtures/seed/generated/index.gen.js";

export const seedContract = contract;
export type SeedTypes = NonNullable<(typeof contract)["types"]>;

export const seedDocument = JSON.parse(
  readFileSync(new URL("../fixtures/seed/generated/openapi.json", import.meta.url), "utf8"),
) as Record<string, unknown>;

/** The emulator serving the seed, whatever generated/ holds. */
export const seedSpec = { contract: seedContract, document: seedDocument };
