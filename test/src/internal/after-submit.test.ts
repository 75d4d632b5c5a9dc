import { describe, expect, it } from "vitest";
import {
  AbortedError,
  ChainHubError,
  ConfigurationError,
  InternalError,
  NotFoundError,
} from "../../../src/index.js";
import { submits, useEmulator, validInput } from "../../helpers/emulator.js";

const OPERATION = "falAiFluxProKontextMax";

/** After a paid submit, no failure loses the job: it names it and says how to resume. */
describe("a failure after a paid submit", () => {
  const env = useEmulator();

  it("carries the requestId and a client.wait hint that picks the result up", async () => {
    const client = env.client();
    const before = submits(env.emulator);
    const error = (await client
      .run(OPERATION, validInput, {
        onProgress: () => {
          throw new RangeError("the caller's progress bar broke");
        },
      })
      .catch((e: unknown) => e)) as InternalError;
    expect(error).toBeInstanceOf(InternalError);
    expect(error.cause).toBeInstanceOf(RangeError);
    expect(submits(env.emulator)).toBe(before + 1);
    const hint = `client.wait({ operation: "${OPERATION}", requestId: "${error.requestId}" })`;
    expect(error.message).toContain(hint);
    const { data } = await client.wait({ operation: OPERATION, requestId: error.requestId! });
    expect(data.images.length).toBeGreaterThan(0);
    expect(submits(env.emulator)).toBe(before + 1);
  });

  it("offers no resume for a job the relay does not know, and says so", async () => {
    const requestId = "00000000-0000-4000-8000-000000000000";
    const error = (await env
      .client()
      .wait({ operation: OPERATION, requestId })
      .catch((e: unknown) => e)) as NotFoundError;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.requestId).toBe(requestId);
    expect(error.message).toMatch(
      /the relay does not know job 0{8}-0000-4000-8000-0{12}: a wrong id, or its result has expired$/,
    );
    expect(error.message).not.toContain("client.wait");
  });

  it("names the job, but offers no resume, when the wait cancelled it", async () => {
    const client = env.client();
    const controller = new AbortController();
    const error = (await client
      .run(OPERATION, validInput, {
        signal: controller.signal,
        onSubmitted: () => controller.abort(),
      })
      .catch((e: unknown) => e)) as AbortedError;
    expect(error).toBeInstanceOf(AbortedError);
    expect(error.requestId).toMatch(/\S/);
    expect(error.message).toMatch(/cancelled it$/);
    expect(error.message).not.toContain("client.wait");
  });

  it("is a ChainHubError whatever was thrown, and a bad job reference is a ConfigurationError", async () => {
    const client = env.client();
    for (const ref of [null, {}, { operation: OPERATION }]) {
      const error = await client.wait(ref as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigurationError);
    }
    await expect(client.queue.status({} as never)).rejects.toThrow(ConfigurationError);
    const thrown = await client
      .run(OPERATION, validInput, {
        onSubmitted: () => {
          throw "not even an Error";
        },
      })
      .catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(ChainHubError);
    expect((thrown as Error).message).toMatch(/not even an Error.*resume with client\.wait/);
  });
});
