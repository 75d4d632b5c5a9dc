import { describe, expect, it } from "vitest";
import {
  createApiError,
  InternalServerError,
  RateLimitError,
  UnprocessableEntityError,
  AuthenticationError,
  ApiError,
} from "../../../src/errors/index.js";

const base = {
  method: "POST",
  url: "https://api.chainhub.tech/fal-ai/flux-pro/kontext/max",
  statusText: "",
  headers: new Headers(),
};

describe("createApiError", () => {
  it("maps fal's 422 detail[] to field issues and a readable message", () => {
    const error = createApiError({
      ...base,
      status: 422,
      statusText: "Unprocessable Entity",
      body: {
        detail: [{ loc: ["body", "num_images"], msg: "must be <= 4", type: "less_than_equal" }],
      },
    });
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error.issues).toEqual([
      { path: "num_images", message: "must be <= 4", type: "less_than_equal" },
    ]);
    expect(error.message).toBe(
      "422 Unprocessable Entity: POST /fal-ai/flux-pro/kontext/max (num_images: must be <= 4)",
    );
  });

  it.each([
    [401, AuthenticationError],
    [429, RateLimitError],
    [503, InternalServerError],
    [418, ApiError],
  ])("maps %i to its class", (status, Class) => {
    const error = createApiError({ ...base, status, body: { detail: "nope" } });
    expect(error).toBeInstanceOf(Class);
    expect(error.message).toContain("(nope)");
  });

  it("reads fal's retryable flag", () => {
    expect(
      createApiError({
        ...base,
        status: 503,
        body: null,
        headers: new Headers({ "x-fal-retryable": "true" }),
      }).retryable,
    ).toBe(true);
  });
});
