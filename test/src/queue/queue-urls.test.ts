import { describe, expect, it } from "vitest";
import { queueUrls, relayPath } from "../../../src/queue/queue-urls.js";

describe("queue URLs", () => {
  it("live under the first two path segments of the model", () => {
    expect(queueUrls("/fal-ai/flux-pro/kontext/max", "abc")).toEqual({
      status: "/fal-ai/flux-pro/requests/abc/status",
      result: "/fal-ai/flux-pro/requests/abc",
      cancel: "/fal-ai/flux-pro/requests/abc/cancel",
    });
  });

  it("keep only the path of the envelope's queue.fal.run URL, so our origin is used", () => {
    expect(
      relayPath("https://queue.fal.run/fal-ai/flux-pro/requests/abc/status", "abc", "/fallback"),
    ).toBe("/fal-ai/flux-pro/requests/abc/status");
  });

  it("fall back to the derived path when the envelope's URL is missing or names another job", () => {
    expect(relayPath(undefined, "abc", "/derived")).toBe("/derived");
    expect(relayPath("https://evil.example/steal", "abc", "/derived")).toBe("/derived");
  });
});
