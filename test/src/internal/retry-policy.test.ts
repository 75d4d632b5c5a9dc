import { describe, expect, it } from "vitest";
import {
  DEFAULT_RETRY,
  backoff,
  parseRetryAfter,
  retryDelayForError,
  retryDelayForResponse,
} from "../../../src/internal/retry-policy.js";
import { markNetworkFailure } from "../../../src/internal/host-fetch.js";

const options = { ...DEFAULT_RETRY, initialDelayMs: 100 };
const response = (status: number, headers: Record<string, string> = {}) =>
  new Response(null, { status, headers });
/** What the host's fetch rejects with (host-fetch.ts marks it as it comes out). */
const fetchFailed = (code: string) =>
  markNetworkFailure(
    Object.assign(new TypeError("fetch failed"), {
      cause: Object.assign(new Error(code), { code }),
    }),
  );
const half = () => 0.5;

describe("retry policy", () => {
  it.each([408, 429, 500, 502, 503, 504])("retries a status poll answered %i", (status) => {
    expect(retryDelayForResponse("GET", response(status), 0, options, half)).toBe(100);
  });

  it.each([
    [429, 100],
    [503, 100],
    [500, undefined],
    [502, undefined],
    [504, undefined],
    [408, undefined],
  ])(
    "retries a paid submit answered %i only if it was provably not accepted",
    (status, expected) => {
      expect(retryDelayForResponse("POST", response(status), 0, options, half)).toBe(expected);
    },
  );

  it("never retries 4xx validation errors or a 504 marked as the caller's own deadline", () => {
    expect(retryDelayForResponse("GET", response(422), 0, options)).toBeUndefined();
    expect(
      retryDelayForResponse(
        "GET",
        response(504, { "x-fal-request-timeout-type": "user" }),
        0,
        options,
      ),
    ).toBeUndefined();
  });

  it("honours Retry-After in seconds and as an HTTP date, and gives up when it is too long", () => {
    expect(retryDelayForResponse("POST", response(429, { "retry-after": "2" }), 0, options)).toBe(
      2000,
    );
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(
      retryDelayForResponse("GET", response(503, { "retry-after": "3600" }), 0, options),
    ).toBeUndefined();
  });

  it("stops after maxRetries", () => {
    expect(retryDelayForResponse("GET", response(500), 3, options)).toBeUndefined();
  });

  it("backs off exponentially with +/-25% jitter, capped", () => {
    expect(backoff(0, options, () => 0)).toBe(75);
    expect(backoff(2, options, () => 1)).toBe(500);
    expect(backoff(20, options, () => 0.5)).toBe(options.maxDelayMs);
  });

  it("retries transport errors of reads, but of a submit only when no connection was made", () => {
    expect(retryDelayForError("GET", fetchFailed("ECONNRESET"), 0, options, half)).toBe(100);
    expect(retryDelayForError("POST", fetchFailed("ECONNRESET"), 0, options, half)).toBeUndefined();
    expect(
      retryDelayForError("POST", fetchFailed("UND_ERR_SOCKET"), 0, options, half),
    ).toBeUndefined();
    expect(retryDelayForError("POST", fetchFailed("ECONNREFUSED"), 0, options, half)).toBe(100);
    const happyEyeballs = markNetworkFailure(
      Object.assign(new TypeError("fetch failed"), {
        cause: new AggregateError([Object.assign(new Error(), { code: "ECONNREFUSED" })]),
      }),
    );
    expect(retryDelayForError("POST", happyEyeballs, 0, options, half)).toBe(100);
  });

  it("never retries an error our own code threw, whatever its class or code", () => {
    const bug = new TypeError("setInterval(...).unref is not a function");
    expect(retryDelayForError("GET", bug, 0, options, half)).toBeUndefined();
    const withCode = Object.assign(new TypeError("fetch failed"), { code: "ECONNRESET" });
    expect(retryDelayForError("GET", withCode, 0, options, half)).toBeUndefined();
    // Browsers say nothing more than this about a failed fetch: a read retries it, a submit does not.
    const browserFailure = markNetworkFailure(new TypeError("Failed to fetch"));
    expect(retryDelayForError("GET", browserFailure, 0, options, half)).toBe(100);
    expect(retryDelayForError("POST", browserFailure, 0, options, half)).toBeUndefined();
  });

  it("never retries an abort or a timeout", () => {
    expect(
      retryDelayForError("GET", new DOMException("aborted", "AbortError"), 0, options),
    ).toBeUndefined();
    expect(
      retryDelayForError("GET", new DOMException("timed out", "TimeoutError"), 0, options),
    ).toBeUndefined();
  });
});
