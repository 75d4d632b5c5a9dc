import { describe, expect, it } from "vitest";
import { resolveOperationAuth } from "../../../scripts/lib/security/resolve-auth.js";

const documentWith = (scheme: unknown, security: unknown = [{ s: [] }]) => ({
  components: { securitySchemes: { s: scheme } },
  security,
});

describe("resolveOperationAuth: how an operation's key travels, from securitySchemes", () => {
  it.each([
    [
      "HTTP bearer",
      { type: "http", scheme: "bearer" },
      { in: "header", name: "Authorization", prefix: "Bearer " },
    ],
    [
      "HTTP bearer, case as exported",
      { type: "http", scheme: "Bearer" },
      { in: "header", name: "Authorization", prefix: "Bearer " },
    ],
    [
      "HTTP basic",
      { type: "http", scheme: "basic" },
      { in: "header", name: "Authorization", prefix: "Basic ", encoding: "basic" },
    ],
    [
      "apiKey in a header",
      { type: "apiKey", in: "header", name: "X-API-Key" },
      { in: "header", name: "X-API-Key" },
    ],
    [
      "apiKey in the query",
      { type: "apiKey", in: "query", name: "api_key" },
      { in: "query", name: "api_key" },
    ],
    [
      "apiKey in a cookie",
      { type: "apiKey", in: "cookie", name: "session" },
      { in: "cookie", name: "session" },
    ],
    [
      "fal's Key prefix on an apiKey",
      { type: "apiKey", in: "header", name: "Authorization", "x-auth-prefix": "Key" },
      { in: "header", name: "Authorization", prefix: "Key " },
    ],
    [
      "fal's Key prefix on an http scheme",
      { type: "http", scheme: "bearer", "x-auth-prefix": "Key" },
      { in: "header", name: "Authorization", prefix: "Key " },
    ],
    [
      "OAuth2: its token is a bearer token",
      { type: "oauth2", flows: {} },
      { in: "header", name: "Authorization", prefix: "Bearer " },
    ],
  ])("%s", (_name, scheme, want) => {
    expect(resolveOperationAuth(documentWith(scheme), {})).toEqual(want);
  });

  it("takes the operation's own security over the document's", () => {
    const document = {
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer" },
          key: { type: "apiKey", in: "header", name: "X-Key" },
        },
      },
      security: [{ bearer: [] }],
    };
    expect(resolveOperationAuth(document, { security: [{ key: [] }] })).toEqual({
      in: "header",
      name: "X-Key",
    });
    expect(resolveOperationAuth(document, {})?.prefix).toBe("Bearer ");
  });

  it("says null for an operation that opts out (security: [] or an empty alternative)", () => {
    const document = documentWith({ type: "http", scheme: "bearer" });
    expect(resolveOperationAuth(document, { security: [] })).toBeNull();
    expect(resolveOperationAuth(document, { security: [{}] })).toBeNull();
  });

  it("says nothing when the spec declares nothing, so the runtime's Bearer applies", () => {
    expect(resolveOperationAuth({}, {})).toBeUndefined();
  });

  it("skips an alternative it cannot send for the next one it can", () => {
    const document = {
      components: {
        securitySchemes: {
          digest: { type: "http", scheme: "digest" },
          key: { type: "apiKey", in: "query", name: "key" },
        },
      },
    };
    expect(resolveOperationAuth(document, { security: [{ digest: [] }, { key: [] }] })).toEqual({
      in: "query",
      name: "key",
    });
  });
});
