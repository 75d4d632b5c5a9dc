import { describe, expectTypeOf, it } from "vitest";
import {
  contractWith,
  falAiFluxProKontextMaxOperation,
  type FalAiFluxProKontextMaxOutput,
} from "../fixtures/seed/generated/index.gen.js";
import { createClient, fileFrom, type QueueHandle } from "../../src/index.js";
import { seedContract, type SeedTypes } from "../helpers/seed.js";

const client = createClient({
  contract: seedContract,
  apiKey: "sk-types",
  baseUrl: "http://127.0.0.1:1",
});
const input = { prompt: "p", image_url: "./local.png", output_format: "png" } as const;

describe("facade types", () => {
  it("types results by operation id and by path alike", async () => {
    const byId = await client.run("falAiFluxProKontextMax", input);
    const byPath = await client.run("/fal-ai/flux-pro/kontext/max", input);
    expectTypeOf(byId.data).toEqualTypeOf<FalAiFluxProKontextMaxOutput>();
    expectTypeOf(byPath.data).toEqualTypeOf<FalAiFluxProKontextMaxOutput>();
  });

  it("accepts files where the API takes *_url strings", () => {
    expectTypeOf(client.run).toBeCallableWith("falAiFluxProKontextMax", {
      ...input,
      image_url: new Uint8Array([1]),
    });
    expectTypeOf(client.run).toBeCallableWith("falAiFluxProKontextMax", {
      ...input,
      image_url: new Blob([]),
    });
  });

  it("rejects unknown operations, enum values outside the spec and misspelled options", () => {
    // @ts-expect-error not an operation of the spec
    void client.run("falAiNoSuchModel", input);
    // @ts-expect-error gif is not an output format
    void client.run("falAiFluxProKontextMax", { ...input, output_format: "gif" });
    // @ts-expect-error prompt is required
    void client.kontextMax.edit({ image: fileFrom("./a.png") });
    // @ts-expect-error pollIntervalMs, not pollInterval
    createClient({ apiKey: "k", pollInterval: 5 });
  });

  it("makes defaults optional in the named surface and keeps the typed result", async () => {
    const { data } = await client.kontextMax.edit({
      prompt: "p",
      image: fileFrom("./a.png"),
      aspect_ratio: "1:1",
    });
    expectTypeOf(data.images[0]!.url).toEqualTypeOf<string>();
  });

  it("hands out handles that can be persisted and resumed", async () => {
    const handle = await client.queue.submit("falAiFluxProKontextMax", input);
    expectTypeOf(handle).toEqualTypeOf<QueueHandle<"falAiFluxProKontextMax", SeedTypes>>();
    expectTypeOf(client.wait).toBeCallableWith({
      operation: "falAiFluxProKontextMax" as const,
      requestId: handle.requestId,
    });
  });

  it("types a contract made of chosen operations for those alone", async () => {
    const picked = createClient({
      contract: contractWith(falAiFluxProKontextMaxOperation),
      apiKey: "k",
      baseUrl: "http://127.0.0.1:1",
    });
    const { data } = await picked.run("/fal-ai/flux-pro/kontext/max", input);
    expectTypeOf(data).toEqualTypeOf<FalAiFluxProKontextMaxOutput>();
    const none = createClient({ contract: contractWith(), apiKey: "k", baseUrl: "http://x" });
    // @ts-expect-error an operation left out of the contract is not callable
    void none.run("falAiFluxProKontextMax", input);
  });
});
