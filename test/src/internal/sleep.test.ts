import { describe, expect, it } from "vitest";
import { sleep } from "../../../src/internal/sleep.js";
import { useEmulator, validInput } from "../../helpers/emulator.js";

describe("sleep", () => {
  it("holds a pause longer than a timer can keep instead of ending it at once", async () => {
    const controller = new AbortController();
    let ended = false;
    const pause = sleep(3e9, controller.signal).then(
      () => (ended = true),
      () => "aborted",
    );
    // An overflowing timer fires after 1 ms; give it ample time to show.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ended).toBe(false);
    controller.abort();
    expect(await pause).toBe("aborted");
  });
});

describe("a per-attempt timeoutMs no timer can hold", () => {
  const env = useEmulator();

  it("is no per-attempt deadline, not one that ends every request at once", async () => {
    for (const timeoutMs of [3e9, Number.POSITIVE_INFINITY]) {
      const { data } = await env.client({ timeoutMs }).run("falAiFluxProKontextMax", validInput);
      expect(data.images).toHaveLength(1);
    }
  });
});
