/** Why a body was not read: too large (413), or a length that is not the body's (400). */
export type BodyRefusal = "too-large" | "bad-length";

/** A request or a response: what has headers and a body stream. */
type Message = Pick<Request, "headers" | "body">;

/**
 * A request's (or the relay's response's) body, read while counting: a declared `Content-Length` over `maxBytes` is refused
 * before a byte is read, and a body that streams past it (chunked, or lying about its length)
 * is cancelled as soon as it does, so at most `maxBytes` plus the one chunk that crossed the
 * line is ever held. With a declared length the body is read straight into one buffer of that
 * size; without, chunks are joined at the end (twice the body, briefly, still under the cap).
 * Buffering up to the cap, rather than streaming on, keeps a refused body from ever reaching
 * the relay half sent.
 */
export async function readCappedBody(
  request: Message,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer> | undefined | BodyRefusal> {
  const header = request.headers.get("content-length");
  let declared: number | undefined;
  if (header !== null) {
    if (!/^\d{1,16}$/.test(header.trim())) return refuse(request, "bad-length");
    declared = Number(header);
    if (declared > maxBytes) return refuse(request, "too-large");
  }
  if (!request.body) return undefined;
  const reader = request.body.getReader();
  const into = declared === undefined ? undefined : new Uint8Array(declared);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > (into ? into.byteLength : maxBytes)) {
      chunks.length = 0;
      await reader.cancel().catch(() => undefined);
      return into && size + value.byteLength <= maxBytes ? "bad-length" : "too-large";
    }
    if (into) into.set(value, size);
    else chunks.push(value);
    size += value.byteLength;
  }
  if (into) return size === into.byteLength ? into : "bad-length";
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks.splice(0)) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

async function refuse(request: Message, why: BodyRefusal): Promise<BodyRefusal> {
  // Tell the source we will not read it, so a Node socket or an upstream stream stops sending.
  await request.body?.cancel().catch(() => undefined);
  return why;
}
