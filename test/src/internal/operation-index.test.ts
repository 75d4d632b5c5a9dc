import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../../../src/index.js";
import type { OperationDescriptor, TaskProtocol } from "../../../src/internal/contract.js";
import { OperationIndex } from "../../../src/internal/operation-index.js";

const taskProtocol: TaskProtocol = {
  id: "/id",
  status: "/status",
  done: ["done"],
  poll: { operation: "poll" },
};

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

  it("finds what a scan in table order finds, when one operation's id is another's path", () => {
    const table: Record<string, OperationDescriptor> = {
      plain: { id: "plain", method: "get", path: "/jobs", queue: false },
      job: { id: "/jobs", method: "post", path: "/jobs", queue: true },
      task: { id: "task", method: "post", path: "/tasks", queue: false, task: taskProtocol },
      clash: { id: "/tasks", method: "post", path: "/other", queue: true },
    };
    const index = new OperationIndex(table);
    const scan = (pick: (d: OperationDescriptor) => boolean) => Object.values(table).find(pick);
    for (const name of [
      "plain",
      "/jobs",
      "GET /jobs",
      "POST /jobs",
      "task",
      "/tasks",
      "/other",
      "POST /other",
      "none",
    ]) {
      expect(index.find(name)).toBe(
        scan(
          (d) =>
            d.id === name ||
            `${d.method.toUpperCase()} ${d.path}` === name ||
            ((d.queue || d.task !== undefined) && d.path === name),
        ),
      );
      expect(index.findQueue(name)).toBe(
        scan((d) => !!d.queue && (d.id === name || d.path === name)),
      );
      expect(index.task(name)).toBe(
        scan((d) => d.task !== undefined && (d.id === name || d.path === name)),
      );
    }
  });

  it("looks an operation up without reading the rest of a big table", () => {
    let reads = 0;
    const counted = (d: OperationDescriptor) =>
      new Proxy(d, {
        get(target, key, receiver) {
          reads++;
          return Reflect.get(target, key, receiver);
        },
      });
    const table = Object.fromEntries(
      Array.from({ length: 2_000 }, (_, i) => [`op${i}`, counted(operation(`op${i}`, true))]),
    );
    const index = new OperationIndex(table);
    index.find("op0");
    reads = 0;
    for (const name of ["op1999", "POST /op1500", "/op1000"]) {
      expect(index.find(name)).toBeDefined();
      expect(index.findQueue(name.replace("POST ", ""))).toBeDefined();
      expect(index.task(name)).toBeUndefined();
    }
    expect(reads).toBe(0);
  });
});
