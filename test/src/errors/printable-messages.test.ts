import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, UnprocessableEntityError } from "../../../src/index.js";
import { seedContract } from "../../helpers/seed.js";

/** ESC sequences (colour, clear screen, a window title), a C1 CSI and a right-to-left override. */
const HOSTILE = "bad \u001b[31mred\u001b[2J\u001b]0;pwned\u0007 \u009b1m \u202eevil";

/**
 * A relay's words reach an error's message (a 422's detail, a request id), and apps print
 * messages; Node prints an uncaught error's stack. Neither may act on the terminal.
 */
describe("an error quoting a hostile relay", () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((_request, response) => {
      response.writeHead(422, { "content-type": "application/json" });
      response.end(JSON.stringify({ detail: [{ loc: ["body", "prompt"], msg: HOSTILE }] }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("shows its control and invisible characters as escapes in message and stack, and keeps the body as sent", async () => {
    const error = (await createClient({ contract: seedContract, apiKey: "sk-test", baseUrl: url })
      .run("falAiFluxProKontextMax", {
        prompt: "p",
        image_url: "https://x.test/a.png",
        output_format: "jpeg",
      })
      .catch((e: unknown) => e)) as UnprocessableEntityError;
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    for (const printed of [error.message, error.stack!, String(error)]) {
      expect(printed).toContain(
        "bad \\u001b[31mred\\u001b[2J\\u001b]0;pwned\\u0007 \\u009b1m \\u202eevil",
      );
      expect(printed).not.toMatch(/[\u0000-\u0008\u001b\u009b\u202e]/);
    }
    // The structured body is data for the program, as the relay sent it.
    expect(JSON.stringify(error.body)).toContain(JSON.stringify(HOSTILE).slice(1, -1));
  });
});
