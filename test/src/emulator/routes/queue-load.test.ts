import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { handleQueue } from "../../../../src/emulator/routes/queue.js";
import { handleSubmit } from "../../../../src/emulator/routes/submit.js";
import { createState } from "../../../../src/emulator/state.js";
import { validInput } from "../../../helpers/emulator.js";
import { seedSpec } from "../../../helpers/seed.js";

const JOBS = 100_000;
const CHUNK = 1_000;
const BODY = Buffer.from(JSON.stringify(validInput));

/** A request as the submit handler reads it: its body, in one chunk (a stream costs more). */
const bodyOnly = () =>
  ({
    async *[Symbol.asyncIterator]() {
      yield BODY;
    },
  }) as unknown;

/** What a handler answered: the two calls sendJson makes, nothing else. */
function recorder() {
  const answer = { status: 0, body: "" };
  const res = {
    writeHead: (status: number) => (answer.status = status),
    end: (text: string) => (answer.body = text),
  } as unknown as ServerResponse;
  return { res, answer: () => ({ status: answer.status, body: JSON.parse(answer.body) }) };
}

describe("the emulator's queue at 100,000 jobs", () => {
  it("answers a submit and a queued status in the same time for the last jobs as for the first", async () => {
    // Every job stays queued: the case where scanning all jobs cost the most.
    const state = await createState({ spec: seedSpec, timing: { queueMs: 3_600_000 } });
    const descriptor = state.operations.find("falAiFluxProKontextMax")!;
    const statusUrl = new URL("http://emulator.invalid/status");
    const chunkMs: number[] = [];
    for (let made = 0; made < JOBS; made += CHUNK) {
      const started = performance.now();
      for (let i = 0; i < CHUNK; i++) {
        const submit = recorder();
        const req = bodyOnly() as IncomingMessage;
        await handleSubmit(state, req, submit.res, descriptor, statusUrl, undefined);
        const { request_id: id, queue_position: submitted } = submit.answer().body;
        const status = recorder();
        handleQueue(state, status.res, "status", state.jobs.get(id), statusUrl);
        const { queue_position: polled } = status.answer().body;
        // Precise as well as fast: every earlier job is still queued ahead of this one.
        if (submitted !== made + i || polled !== made + i)
          expect({ submitted, polled }).toEqual({ submitted: made + i, polled: made + i });
      }
      chunkMs.push(performance.now() - started);
    }
    expect(state.jobs.size).toBe(JOBS);
    // Medians of the first and last ten chunks (a thousand jobs each) against a busy machine's
    // noise; a scan of every job made the last chunks about a hundred times slower.
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
    const first = median(chunkMs.slice(1, 11));
    const last = median(chunkMs.slice(-10));
    expect(last / first).toBeLessThan(4);
  }, 120_000);
});
