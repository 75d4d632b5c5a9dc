import { describe, expect, it } from "vitest";
import { buildContract } from "../../../scripts/lib/build-contract.js";
import { explainInferences } from "../../../scripts/lib/infer/explain.js";

// eslint-disable-next-line no-control-regex
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe("generate --explain", () => {
  it("shows the control characters of a field's name and prose as escapes", () => {
    const spec = `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                "n\\e[2J\\x9b2K":
                  type: integer
                  description: "Count \\u202Eevil\\u202C, \\e]8;;https://evil.test\\arange: 1-4"
`;
    const contract = buildContract({ name: "s.yaml", text: spec });
    const text = explainInferences(contract.diagnostics, contract.document);
    expect(text).toContain("applied: read minimum=1, maximum=4 from the description");
    expect(text).not.toMatch(ACTIVE);
    expect(text).toContain("properties/n\\u001b[2J\\u009b2K");
    expect(text).toContain("Count \\u202eevil\\u202c, \\u001b]8;;https://evil.test");
  });
});
