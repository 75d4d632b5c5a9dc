/**
 * The proxy's own answers: one line of JSON (`{"detail":"..."}`) the client's error parsing
 * reads like a relay's. The detail is ours, never echoed input beyond a validated path.
 */
export function refuse(status: number, detail: string): Response {
  return new Response(JSON.stringify({ detail }), {
    status,
    headers: { "content-type": "application/json" },
  });
}
