import { afterEach, describe, expect, it, vi } from "vitest";
import { DeadlineWatch } from "../../../src/internal/deadline-watch.js";

/** A promise the test settles by hand. */
function pending<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe("DeadlineWatch", () => {
  afterEach(() => vi.useRealTimers());

  it("expires only the calls still pending, whichever order the others settled in", async () => {
    vi.useFakeTimers();
    const watch = new DeadlineWatch(100);
    const works = Array.from({ length: 5 }, () => pending<string>());
    const late: string[] = [];
    const outcomes = works.map((work, i) =>
      watch
        .race(
          work.promise,
          () => new Error(`deadline ${i}`),
          (value) => late.push(value),
        )
        .then(
          (value) => `answered ${value}`,
          (error: Error) => error.message,
        ),
    );
    // First, middle and last of the list settle before the deadline; 1 and 3 do not.
    works[2]!.resolve("two");
    works[0]!.reject(new Error("failed zero"));
    works[4]!.resolve("four");
    await vi.advanceTimersByTimeAsync(110);
    expect(await Promise.all(outcomes)).toEqual([
      "failed zero",
      "deadline 1",
      "answered two",
      "deadline 3",
      "answered four",
    ]);
    // A late answer goes to onLate, once; nothing is left to watch, so no timer runs.
    works[3]!.resolve("three");
    works[1]!.resolve("one");
    await vi.advanceTimersByTimeAsync(20);
    expect(late).toEqual(["three", "one"]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("keeps watching a call started after an idle spell", async () => {
    vi.useFakeTimers();
    const watch = new DeadlineWatch(50);
    await watch.race(
      Promise.resolve(1),
      () => new Error("first"),
      () => undefined,
    );
    await vi.advanceTimersByTimeAsync(10);
    expect(vi.getTimerCount()).toBe(0);
    const stuck = watch
      .race(
        new Promise<number>(() => undefined),
        () => new Error("second"),
        () => undefined,
      )
      .catch((error: Error) => error.message);
    await vi.advanceTimersByTimeAsync(60);
    expect(await stuck).toBe("second");
  });
});
