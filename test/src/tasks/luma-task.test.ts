/**
 * The README's worked example ("A task API whose export has no poll"), run as written: the
 * vendor's Luma export, the overlay the generator printed for it, the emulator and `run()`.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../../src/emulator/index.js";
import { ConfigurationError, createClient } from "../../../src/index.js";
import type { Contract } from "../../../src/internal/contract.js";
import { contract } from "../../fixtures/specs/luma/generated/index.gen.js";
import { FAST_TIMING } from "../../helpers/emulator.js";

const document = JSON.parse(
  readFileSync(
    new URL("../../fixtures/specs/luma/generated/openapi.json", import.meta.url),
    "utf8",
  ),
) as Record<string, unknown>;

describe("the vendor's Luma export, with the overlay the generator printed for it", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ spec: { contract, document }, timing: FAST_TIMING });
  });
  afterAll(() => emulator.close());

  it("runs lumaGenerations to its end with progress, as the README shows", async () => {
    const client = createClient({
      contract,
      apiKey: emulator.apiKey,
      baseUrl: emulator.url,
      pollIntervalMs: 1,
    });
    const statuses: string[] = [];
    const { requestId, data } = await client.run(
      "lumaGenerations",
      {
        user_prompt: "A gust of wind blew through the forest",
        model_name: "ray-v2",
        duration: "5s",
        resolution: "720p",
      },
      { onProgress: (p) => statuses.push(p.status) },
    );
    expect(requestId).toMatch(/\S/);
    expect(statuses.at(-1)).toBe("completed");
    expect(statuses).toContain("processing");
    expect(data).toEqual(expect.any(Object));
    expect(emulator.stats.submits.lumaGenerations).toBe(1);
  });

  it("without that overlay, run() says what to add: a ConfigurationError, not a TypeError", async () => {
    const { task: _task, ...bare } = contract.operationTable.lumaGenerations!;
    const withoutOverlay = { ...contract, operationTable: { lumaGenerations: bare } } as Contract;
    const client = createClient({
      contract: withoutOverlay,
      apiKey: emulator.apiKey,
      baseUrl: emulator.url,
    });
    const error = await client
      .run("lumaGenerations", { user_prompt: "x" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(/x-async-task/);
    expect((error as Error).message).toMatch(/task-without-protocol/);
    expect(emulator.stats.submits.lumaGenerations).toBe(1); // nothing was sent, nothing paid
  });

  it("with a status pointer that leads nowhere, run() says so at the first poll instead of polling forever", async () => {
    const table = contract.operationTable.lumaGenerations!;
    const wrongPointer = {
      ...contract,
      operationTable: {
        ...contract.operationTable,
        lumaGenerations: { ...table, task: { ...table.task!, status: "/data/no_such_field" } },
      },
    } as Contract;
    const client = createClient({
      contract: wrongPointer,
      apiKey: emulator.apiKey,
      baseUrl: emulator.url,
      pollIntervalMs: 1,
    });
    const error = await client
      .run("lumaGenerations", {
        user_prompt: "x",
        model_name: "ray-v2",
        duration: "5s",
        resolution: "720p",
      })
      .then(() => {
        throw new Error("run() resolved");
      })
      .catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toMatch(
      /^lumaGenerations: the poll's answer for task \S+ has no status at \/data\/no_such_field; check its x-async-task against the vendor's docs \(the answer: \{.*\}\); job \S+ was submitted: resume with client\.wait/,
    );
  });
});
