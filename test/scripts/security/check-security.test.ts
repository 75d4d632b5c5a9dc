import { describe, expect, it } from "vitest";
import { checkSecurity } from "../../../scripts/lib/security/check-security.js";
import { codes, collector } from "../../helpers/diagnostics.js";

describe("checkSecurity: a scheme the client cannot send is said, at its place", () => {
  it("passes the seed's bearer scheme silently", () => {
    const diagnostics = collector();
    checkSecurity(
      {
        components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
        security: [{ bearer: [] }],
        paths: { "/a": { post: { security: [{ bearer: [] }] } } },
      },
      diagnostics,
    );
    expect(diagnostics.items).toEqual([]);
  });

  it("warns about an unsupported HTTP scheme, a bad prefix and an undeclared name, each at its pointer", () => {
    const diagnostics = collector();
    checkSecurity(
      {
        components: {
          securitySchemes: {
            digest: { type: "http", scheme: "digest" },
            odd: { type: "apiKey", in: "header", name: "Authorization", "x-auth-prefix": "Key: x" },
          },
        },
        paths: { "/a/b": { get: { security: [{ missing: [] }] } } },
      },
      diagnostics,
    );
    expect(codes(diagnostics)).toEqual([
      "security-scheme",
      "security-scheme",
      "security-requirement",
    ]);
    expect(diagnostics.items.map((d) => d.location.pointer)).toEqual([
      "#/components/securitySchemes/digest",
      "#/components/securitySchemes/odd",
      "#/paths/~1a~1b/get/security/0",
    ]);
    expect(diagnostics.items[0]!.message).toMatch(/digest.*x-auth-prefix/);
    expect(diagnostics.items[2]!.message).toContain('"missing"');
  });

  it("says a requirement of two schemes at once is sent as its first only", () => {
    const diagnostics = collector();
    checkSecurity(
      {
        components: {
          securitySchemes: {
            key: { type: "apiKey", in: "header", name: "X-Key" },
            app: { type: "apiKey", in: "query", name: "app_id" },
          },
        },
        security: [{ key: [], app: [] }],
      },
      diagnostics,
    );
    expect(codes(diagnostics)).toEqual(["security-requirement"]);
    expect(diagnostics.items[0]!.message).toContain('sends it as "key" only');
    expect(diagnostics.items[0]!.location.pointer).toBe("#/security/0");
  });
});
