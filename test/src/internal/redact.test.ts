import { describe, expect, it } from "vitest";
import { createRedactor, REDACTED } from "../../../src/internal/redact.js";

const KEY = "sk-abc/def+ghi=jkl:0123456789";
const redactor = createRedactor([KEY]);

describe("createRedactor", () => {
  it.each([
    ["raw", `key is ${KEY}.`],
    ["URL-encoded", `?key=${encodeURIComponent(KEY)}&x=1`],
    ["base64 at offset 0", Buffer.from(KEY).toString("base64")],
    ["base64 inside Basic user:key", `Basic ${Buffer.from(`user:${KEY}`).toString("base64")}`],
    ["base64 of a longer prefix", Buffer.from(`a-longer-user:${KEY}`).toString("base64")],
    ["base64 with a suffix", Buffer.from(`x:${KEY}:tail`).toString("base64")],
  ])("removes the key %s", (_form, text) => {
    const out = redactor.text(text);
    expect(out).toContain(REDACTED);
    expect(out).not.toContain(KEY);
    expect(out).not.toContain(encodeURIComponent(KEY));
  });

  it.each([
    ['{"authorization":"Bearer other-token-123"}', '{"authorization":"[REDACTED]"}'],
    ["Authorization: Basic dXNlcjpwYXNz\r\nHost: x", "Authorization: [REDACTED]\r\nHost: x"],
    ["proxy-authorization='tok'", "proxy-authorization='[REDACTED]'"],
    ["sent Bearer abc.def-ghi to upstream", "sent Bearer [REDACTED] to upstream"],
  ])("removes any authorization value, not only ours: %s", (text, want) => {
    expect(redactor.text(text)).toBe(want);
  });

  it("is idempotent and keeps what is not secret", () => {
    const once = redactor.text(`Authorization: Bearer ${KEY}; prompt=a cat`);
    expect(once).toBe("Authorization: [REDACTED]; prompt=a cat");
    expect(redactor.text(once)).toBe(once);
    expect(redactor.text("Bearer [REDACTED]")).toBe("Bearer [REDACTED]");
  });

  it("copies values deeply, keys and Headers included, without touching the original", () => {
    const original = { nested: [{ [KEY]: `Bearer ${KEY}` }], n: 1 };
    const copy = redactor.value(original);
    expect(JSON.stringify(copy)).not.toContain(KEY);
    expect(original.nested[0]![KEY]).toBe(`Bearer ${KEY}`);
    const headers = redactor.value(new Headers({ authorization: "x", "x-echo": KEY }));
    expect(headers.get("authorization")).toBe(REDACTED);
    expect(headers.get("x-echo")).toBe(REDACTED);
  });

  it("redacts an error's message, stack, fields and cause chain in place, even a cyclic one", () => {
    const inner = new Error(`inner ${KEY}`);
    const outer = Object.assign(new Error(`outer ${KEY}`, { cause: inner }), { body: { k: KEY } });
    (inner as { cause?: unknown }).cause = outer;
    redactor.error(outer);
    expect(outer.message).toBe(`outer ${REDACTED}`);
    expect(outer.stack).not.toContain(KEY);
    expect(outer.body).toEqual({ k: REDACTED });
    expect(inner.message).toBe(`inner ${REDACTED}`);
  });

  it("ignores secrets too short to be keys, so ordinary words survive", () => {
    expect(createRedactor(["abc", undefined, ""]).text("abc abc")).toBe("abc abc");
  });

  // Sized so that a backtracking pattern would run for minutes and hit the test's timeout.
  it("finishes on hostile text: markers followed by long runs", () => {
    expect(redactor.text("authorization" + " ".repeat(200_000))).toHaveLength(200_013);
    expect(redactor.text("Bearer ".repeat(50_000))).not.toContain(KEY);
    expect(redactor.text("authorization:".repeat(50_000))).toContain(REDACTED);
    expect(redactor.text("authorization: " + "x".repeat(200_000))).toBe(
      `authorization: ${REDACTED}`,
    );
  });
});
