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
    ["Authorization: Key fal-other:secret", "Authorization: [REDACTED]"],
    ['{"x-api-key":"other-key-123"}', '{"x-api-key":"[REDACTED]"}'],
    ["X-API-Key: other-key-123\r\nHost: x", "X-API-Key: [REDACTED]\r\nHost: x"],
    ["GET /v1/a?api_key=other-key-123&limit=2", "GET /v1/a?api_key=[REDACTED]&limit=2"],
    ["apikey=other-key-123", "apikey=[REDACTED]"],
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

  const everyChar = (key: string, spell: (code: number) => string) =>
    [...key].map((c) => spell(c.charCodeAt(0))).join("");
  const hex = (code: number) => code.toString(16).padStart(2, "0");

  it.each([
    ["hex, lower case", Buffer.from(KEY).toString("hex")],
    ["hex, upper case", Buffer.from(KEY).toString("hex").toUpperCase()],
    ["every character percent-encoded", everyChar(KEY, (c) => `%${hex(c).toUpperCase()}`)],
    ["every character percent-encoded, lower-case hex", everyChar(KEY, (c) => `%${hex(c)}`)],
    ["as JSON \\u00xx escapes", everyChar(KEY, (c) => `\\u00${hex(c)}`)],
    ["as JSON \\u00XX escapes", everyChar(KEY, (c) => `\\u00${hex(c).toUpperCase()}`)],
    ["as \\xHH escapes", everyChar(KEY, (c) => `\\x${hex(c)}`)],
    ["in upper case", KEY.toUpperCase()],
    ["in alternating case", [...KEY].map((c, i) => (i % 2 ? c.toUpperCase() : c)).join("")],
    [
      "partly escaped, partly raw",
      `${KEY.slice(0, 6)}%2F${KEY.slice(7, 13)}\\u0069${KEY.slice(14)}`,
    ],
    ["base64url", Buffer.from(KEY).toString("base64url").slice(0, 36)],
  ])("removes the key written %s, and only the key", (_form, spelled) => {
    const out = redactor.text(`before ${spelled} after`);
    expect(out).toBe(`before ${REDACTED} after`);
  });

  it("finds a key that itself contains escape-like characters, raw or encoded", () => {
    const odd = "sk-100%41off\\u0062z";
    const oddRedactor = createRedactor([odd]);
    expect(oddRedactor.text(`a ${odd} b`)).toBe(`a ${REDACTED} b`);
    expect(oddRedactor.text(`a ${encodeURIComponent(odd)} b`)).toBe(`a ${REDACTED} b`);
    expect(oddRedactor.text(`a ${JSON.stringify(odd)} b`)).toBe(`a "${REDACTED}" b`);
  });

  it("keeps escapes and hex that do not spell the key", () => {
    const text = 'path%2Fto \\u0041BC 0xdeadbeef "\\n" 100% \\ end';
    expect(redactor.text(text)).toBe(text);
    expect(redactor.text(`${text} ${KEY.toUpperCase()}`)).toBe(`${text} ${REDACTED}`);
  });

  // A backtracking decoder would stall on these; the search decodes each character once.
  it("finishes on hostile text made of escape starts and near-misses of the key", () => {
    const nearMiss = everyChar(KEY.slice(0, -1), (c) => `%${hex(c)}`);
    const hostile = "%".repeat(100_000) + "\\u".repeat(100_000) + `${nearMiss}x`.repeat(2_000);
    const started = performance.now();
    expect(redactor.text(hostile)).toBe(hostile);
    // Generous: a linear pass takes milliseconds; a quadratic one would take minutes.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
