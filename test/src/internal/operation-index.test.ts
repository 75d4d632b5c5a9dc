import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../../../src/index.js";
import type { OperationDescriptor } from "../../../src/internal/contract.js";
import { OperationIndex } from "../../../src/internal/operation-index.js";

const operation = (id: string, queue: boolean): OperationDescriptor => ({
  id,
  method: "post",
  path: `/${id}`,
  queue,
});

describe("OperationIndex", () => {
  it("names at most twenty operations of a big spec in an unknown-operation error", () => {
    const table = Object.fromEntries(
      Array.from({ length: 2_000 }, (_, i) => [`op${i}`, operation(`op${i}`, i % 2 === 0)]),
    );
    const index = new OperationIndex(table);
    const error = (() => {
      try {
        index.require("opp1");
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toBe(
      `unknown operation "opp1"; known: ${Array.from({ length: 20 }, (_, i) => `op${i}`).join(", ")} and 1980 more`,
    );
  });

  it("says so when the spec has no queue operation, instead of an empty list", () => {
    const index = new OperationIndex({ getModels: operation("getModels", false) });
    expect(() => index.requireQueue("getModels")).toThrow(
      new ConfigurationError(
        `unknown queue operation "getModels"; this client's spec has no queue operations`,
      ),
    );
  });

  it("quotes a hostile name once, escaped and bounded", () => {
    const index = new OperationIndex({ a: operation("a", true) });
    expect(() => index.require(`x"\n${"y".repeat(10_000)}`)).toThrow(
      /^unknown operation "x\\"\\ny{97}…"; known: a$/,
    );
  });
});
