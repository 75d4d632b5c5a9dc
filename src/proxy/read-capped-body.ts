/** Why a body was not read: too large (413), or a `Content-Length` that is not a length (400). */
export type BodyRefusal = "too-large" | "bad-length";

/**
 * A request's body, read while counting: a declared `Content-Length` over `maxBytes` is refused
 * before a byte is read, and a body that streams past it (chunked, or lying about its length)
 * is cancelled as soon as it does, so at most `maxBytes` plus the one chunk that crossed the
 * line is ever held. Buffering up to the cap, rather than streaming on, keeps a refused body
 * from ever reaching the relay half sent.
 */
export async function readCappedBody(
  request: Request,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer> | undefined | BodyRefusal> {
  const declared = request.headers.get("content-length");
  if (declared !== null) {
    if (!/^\d{1,16}$/.test(declared.trim())) return refuse(request, "bad-length");
    if (Number(declared) > maxBytes) return refuse(request, "too-large");
  }
  if (!request.body) return undefined;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      chunks.length = 0;
      await reader.cancel().catch(() => undefined);
      return "too-large";
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

async function refuse(request: Request, why: BodyRefusal): Promise<BodyRefusal> {
  // Tell the source we will not read it, so a Node socket or an upstream stream stops sending.
  await request.body?.cancel().catch(() => undefined);
  return why;
}
