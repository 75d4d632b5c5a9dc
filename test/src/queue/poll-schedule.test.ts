import { describe, expect, it } from "vitest";
import { PollSchedule } from "../../../src/queue/poll-schedule.js";

const pauses = (schedule: PollSchedule, states: string[], hints: (number | undefined)[] = []) =>
  states.map((state, i) => schedule.next(state, hints[i]));

describe("the status poll schedule", () => {
  it("starts short and backs off to the longest pause", () => {
    expect(pauses(new PollSchedule(500), Array(9).fill("IN_QUEUE"))).toEqual([
      50, 75, 113, 170, 255, 383, 500, 500, 500,
    ]);
  });

  it("starts short again when the job changes state", () => {
    const schedule = new PollSchedule(500);
    expect(
      pauses(schedule, ["IN_QUEUE", "IN_QUEUE", "IN_QUEUE", "IN_PROGRESS", "IN_PROGRESS"]),
    ).toEqual([50, 75, 113, 50, 75]);
  });

  it("keeps a longest pause shorter than the first one as a fixed interval", () => {
    expect(pauses(new PollSchedule(20), ["IN_QUEUE", "IN_QUEUE", "IN_PROGRESS"])).toEqual([
      20, 20, 20,
    ]);
  });

  it("takes the relay's Retry-After at its word, within a minute", () => {
    const schedule = new PollSchedule(500);
    expect(
      pauses(
        schedule,
        ["IN_QUEUE", "IN_QUEUE", "IN_QUEUE", "IN_QUEUE"],
        [2000, undefined, 10_000_000, -5],
      ),
    ).toEqual([2000, 50, 60_000, 0]);
  });
});
