import { connect } from "node:net";

/** What came back on a raw connection: the status line, the whole text, and bytes we sent. */
export interface RawAnswer {
  statusLine: string;
  text: string;
  sent: number;
}

/**
 * Sends bytes the way an attacker's client would (absolute-form targets, a forged `Host`, a body
 * that never ends) on a raw TCP connection, which `fetch` would normalize or refuse to send.
 * `body`, when given, is written chunk by chunk with backpressure until it runs out or the
 * server answers or closes; the answer is whatever arrived when the connection ended.
 */
export function rawRequest(
  url: string,
  head: string,
  body?: Iterable<Uint8Array>,
): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const received: Buffer[] = [];
    let sent = 0;
    let answered = false;
    socket.on("data", (chunk) => {
      answered = true;
      received.push(chunk);
    });
    socket.on("error", () => socket.destroy());
    socket.on("close", () => {
      const text = Buffer.concat(received).toString("latin1");
      if (!text) reject(new Error(`no answer (sent ${sent} bytes)`));
      else resolve({ statusLine: text.split("\r\n")[0]!, text, sent });
    });
    socket.on("connect", async () => {
      socket.write(head);
      if (!body) return;
      for (const chunk of body) {
        if (answered || socket.destroyed) break;
        sent += chunk.byteLength;
        if (!socket.write(chunk))
          await new Promise((next) => {
            socket.once("drain", next);
            socket.once("close", next);
          });
      }
      // No end(): Node's server drops a half-closed connection before answering it. The request
      // says "Connection: close", so the server closes once it has answered.
    });
  });
}
