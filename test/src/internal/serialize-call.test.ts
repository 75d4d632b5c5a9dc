/**
 * Typed calls are serialized as openapi-fetch serializes them by default: its exported helpers
 * are the oracle, over a table of parameter and body shapes.
 */
import {
  createFinalURL,
  createQuerySerializer,
  defaultBodySerializer,
  defaultPathSerializer,
  mergeHeaders,
} from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { callBody, callUrl } from "../../../src/internal/serialize-call.js";

const BASE = "http://127.0.0.1:9/v1";

const paths: [string, string, Record<string, unknown> | undefined][] = [
  ["no parameters", "/models", undefined],
  ["a string to encode", "/models/{id}", { id: "a b/c?d#e%f" }],
  ["numbers and booleans", "/page/{n}/{flag}", { n: 3, flag: false }],
  ["the same parameter twice", "/{id}/copy/{id}", { id: "x" }],
  ["an array", "/tags/{tags}", { tags: ["a b", "c,d", 1] }],
  ["an object", "/point/{p}", { p: { x: 1, label: "top left" } }],
  ["a missing and a null value", "/a/{gone}/{none}/{here}", { none: null, here: "ok" }],
  ["unicode", "/名前/{name}", { name: "café ☕" }],
];

const queries: [string, Record<string, unknown> | undefined][] = [
  ["no query", undefined],
  ["primitives", { page: 2, q: "a&b=c d", on: true }],
  ["arrays, empty ones skipped", { ids: [1, "two words", 3], empty: [] }],
  ["an array with a null item", { ids: [1, null, 2] }],
  ["objects as deepObject", { filter: { kind: "image", size: 2 }, empty: {} }],
  ["null and undefined skipped", { a: null, b: undefined, c: "kept" }],
];

describe("a typed call's serialization", () => {
  it.each(paths)("fills the path as openapi-fetch does: %s", (_name, path, values) => {
    const params = values ? { path: values } : {};
    expect(callUrl(BASE, path, params)).toBe(
      createFinalURL(path, {
        baseUrl: BASE,
        params,
        querySerializer: createQuerySerializer(),
        pathSerializer: defaultPathSerializer,
      }),
    );
  });

  it.each(queries)("writes the query as openapi-fetch does: %s", (_name, query) => {
    const params = { query };
    expect(callUrl(BASE, "/search", params)).toBe(
      createFinalURL("/search", {
        baseUrl: BASE,
        params: params as never,
        querySerializer: createQuerySerializer(),
        pathSerializer: defaultPathSerializer,
      }),
    );
  });

  it("refuses a nested query value, as openapi-fetch does", () => {
    const nested = { query: { deep: [{ a: 1 }] } };
    expect(() => callUrl(BASE, "/x", nested)).toThrow(/Deeply-nested/);
    expect(() => createQuerySerializer()(nested.query)).toThrow(/Deeply-nested/);
  });

  const bodies: [string, unknown, Record<string, unknown> | undefined][] = [
    ["no body", undefined, undefined],
    ["a JSON object", { prompt: "p", n: [1, 2] }, undefined],
    ["JSON with header parameters", { a: 1 }, { "x-trace": "t", "x-list": ["1", "2"] }],
    ["a header parameter overriding the content type", { a: 1 }, { "Content-Type": "text/plain" }],
    ["null removing a header", { a: 1 }, { "content-type": null }],
    ["a form body", { a: "1", b: "x y" }, { "content-type": "application/x-www-form-urlencoded" }],
    ["a bare string", "text", undefined],
  ];

  it.each(bodies)(
    "writes the body and headers as openapi-fetch does: %s",
    (_name, body, header) => {
      const ours = callBody(body, header);
      const theirsBody =
        body === undefined
          ? undefined
          : (defaultBodySerializer as (b: unknown, h: Headers) => unknown)(
              body,
              mergeHeaders(header as never),
            );
      const theirsHeaders = mergeHeaders(
        theirsBody === undefined ? {} : { "Content-Type": "application/json" },
        header as never,
      );
      const list = (headers: Headers) => {
        const out: string[] = [];
        headers.forEach((value, name) => out.push(`${name}: ${value}`));
        return out;
      };
      expect(ours.body).toEqual(theirsBody);
      expect(list(ours.headers)).toEqual(list(theirsHeaders));
    },
  );
});
