import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AbortedError, ConnectionError, createClient } from "../../../src/index.js";
import { seedContract } from "../../helpers/seed.js";

/**
 * A relay whose status answers are JSON but not statuses: an error wrapped in a 200 (as some
 * relays do), or nothing at all. The wait has no default deadline, so it must not poll forever.
 */
describe("a status poll answered without a status", () => {
  let answer: string;
  let polls = 0;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      if (request.method === "POST")
        return response.end(JSON.stringify({ request_id: "job-1", status: "IN_QUEUE" }));
      polls++;
      response.end(answer);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const input = { prompt: "p", image_url: "https://x.test/a.png", output_format: "jpeg" } as const;
  const run = () =>
    createClient({ contract: seedContract, apiKey: "sk-test", baseUrl: url, pollIntervalMs: 5 })
      .run("falAiFluxProKontextMax", input)
      .then(() => {
        throw new Error("run() resolved");
      })
      .catch((e: unknown) => e as ConnectionError);

  it("fails at once, quoting what came instead and naming the job to resume", async () => {
    answer = JSON.stringify({ code: 500, message: "upstream \u001b[31mfailed" });
    polls = 0;
    const error = await run();
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toContain(
      'the API answered a status poll without a status ({"code":500,"message":"upstream \\u001b[31mfailed"})',
    );
    expect(error.message).toContain(
      'resume with client.wait({ operation: "falAiFluxProKontextMax", requestId: "job-1" })',
    );
    expect(error.requestId).toBe("job-1");
    expect(polls).toBe(1);
  });

  it("says so for an empty body too, rather than failing inside the client", async () => {
    answer = "";
    const error = await run();
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toContain("without a status (an empty body)");
  });

  it("keeps polling a status it does not know yet: relays may add states", async () => {
    let seen = 0;
    answer = JSON.stringify({ status: "IN_QUEUE_SOMEWHERE_ELSE" });
    const controller = new AbortController();
    const error = await createClient({
      contract: seedContract,
      apiKey: "sk-test",
      baseUrl: url,
      pollIntervalMs: 5,
    })
      .run("falAiFluxProKontextMax", input, {
        signal: controller.signal,
        cancelOnStop: false,
        onProgress: (p) => {
          expect(p.status).toBe("IN_QUEUE_SOMEWHERE_ELSE");
          if (++seen === 3) controller.abort();
        },
      })
      .catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(AbortedError);
    expect(seen).toBe(3);
  });
});
