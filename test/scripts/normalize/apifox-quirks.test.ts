import { describe, expect, it } from "vitest";
import { readApifoxStatusKeys } from "../../../scripts/lib/normalize/apifox-status-keys.js";
import { checkServers } from "../../../scripts/lib/normalize/check-servers.js";
import { dropTransportHeaders } from "../../../scripts/lib/normalize/drop-transport-headers.js";
import { codes, collector } from "../../helpers/diagnostics.js";

const RESULT_SCHEMA = { type: "object", properties: { id: { type: "string" } } };

describe("checkServers", () => {
  it.each([
    ["empty", { servers: [] }],
    ["missing", {}],
    ["urls that are empty", { servers: [{ url: "" }] }],
  ])("warns when servers are %s", (_name, document) => {
    const diagnostics = collector();
    checkServers({ paths: {}, ...document }, diagnostics);
    expect(codes(diagnostics)).toEqual(["no-servers"]);
  });

  it("says nothing when a server is listed", () => {
    const diagnostics = collector();
    checkServers({ paths: {}, servers: [{ url: "https://api.example.com" }] }, diagnostics);
    expect(codes(diagnostics)).toEqual([]);
  });
});

describe("dropTransportHeaders", () => {
  it("removes Authorization, Content-Type and Accept headers and keeps every other parameter", () => {
    const header = (name: string) => ({
      name,
      in: "header",
      required: true,
      schema: { type: "string" },
    });
    const document = {
      paths: {
        "/x": {
          parameters: [header("authorization")],
          post: {
            parameters: [
              header("Authorization"),
              header("Content-Type"),
              header("ACCEPT"),
              header("X-Request-Id"),
              { name: "accept", in: "query", schema: { type: "string" } },
            ],
          },
        },
      },
    };
    const diagnostics = collector();
    dropTransportHeaders(document, diagnostics);
    expect(document.paths["/x"].parameters).toEqual([]);
    expect(document.paths["/x"].post.parameters.map((p) => `${p.in}:${p.name}`)).toEqual([
      "header:X-Request-Id",
      "query:accept",
    ]);
    expect(codes(diagnostics)).toEqual(Array(4).fill("transport-header-parameter"));
  });
});

describe("readApifoxStatusKeys", () => {
  const withSchema = (schema: object) => ({
    description: "",
    content: { "application/json": { schema } },
  });

  it("reads x-200:Name as 200 when 200 is missing or has no schema", () => {
    const responses: Record<string, unknown> = {
      "200": withSchema({ type: "object", properties: {} }),
      "x-200:Success": withSchema(RESULT_SCHEMA),
      "x-404:Missing": withSchema(RESULT_SCHEMA),
    };
    const diagnostics = collector();
    readApifoxStatusKeys({ paths: { "/x": { get: { responses } } } }, diagnostics);
    expect(Object.keys(responses).sort()).toEqual(["200", "404"]);
    expect(responses["200"]).toEqual(withSchema(RESULT_SCHEMA));
    expect(codes(diagnostics)).toEqual(["apifox-status-key", "apifox-status-key"]);
  });

  it("keeps a status's own schema and drops the alternative, saying so", () => {
    const own = withSchema({ $ref: "#/components/schemas/Own" });
    const responses: Record<string, unknown> = {
      "200": own,
      "x-200:Other": withSchema(RESULT_SCHEMA),
    };
    const diagnostics = collector();
    readApifoxStatusKeys({ paths: { "/x": { get: { responses } } } }, diagnostics);
    expect(responses).toEqual({ "200": own });
    expect(diagnostics.items[0]!.message).toMatch(/dropped: status 200 has its own schema/);
  });

  it("leaves other extensions alone", () => {
    const responses: Record<string, unknown> = { "x-apifox-name": "ok", "x-foo": 1 };
    readApifoxStatusKeys({ paths: { "/x": { get: { responses } } } }, collector());
    expect(responses).toEqual({ "x-apifox-name": "ok", "x-foo": 1 });
  });
});
