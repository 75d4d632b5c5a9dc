import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Adapts a WHATWG handler (such as {@link createProxy}'s) to Node's `http` and Express:
 * `http.createServer(toNodeHandler(proxy))` or `app.use("/api/chainhub", toNodeHandler(proxy))`.
 */
export function toNodeHandler(
  handler: (request: Request) => Promise<Response>,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === "string") headers.set(name, value);
        else if (Array.isArray(value)) headers.set(name, value.join(", "));
      }
      const method = req.method ?? "GET";
      const host = req.headers.host ?? "localhost";
      // originalUrl: Express strips the mount path from req.url; the handler's prefix needs it.
      const path = (req as { originalUrl?: string }).originalUrl ?? req.url ?? "/";
      const request = new Request(`http://${host}${path}`, {
        method,
        headers,
        ...(method === "GET" || method === "HEAD" ? {} : { body: Buffer.concat(chunks) }),
      });
      const response = await handler(request);
      res.statusCode = response.status;
      response.headers.forEach((value, name) => res.setHeader(name, value));
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch(() => {
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  };
}
